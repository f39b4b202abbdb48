import MaillageCore
import Vouchers

/// A booklet to print on A4: one voucher per cut-out, with its number, face value, validity,
/// funder and a QR code of its number drawn as SVG.
enum BookletPage {
    struct Voucher {
        let number: String
        let faceValue: Money
        let lastDay: LocalDate
        let state: String
        let code: QRCode
    }

    static func render(position: Int, funder: String, vouchers: [Voucher]) -> Page {
        Layout.page(
            title: "Carnet \(position) — \(funder)",
            .h1(.text("Chèques APTIC — carnet \(position)")),
            .p(.class("no-print"), .text("Imprimez cette page (format A4) et découpez chaque chèque en suivant les pointillés.")),
            .ol(.class("booklet"), .forEach(vouchers) { voucher in
                .li(.class("voucher"),
                    .p(.strong(.text("Chèque APTIC — \(voucher.faceValue)"))),
                    .svg(.attribute(named: "viewBox", value: "0 0 \(voucher.code.side) \(voucher.code.side)"), .attribute(named: "role", value: "img"),
                         .attribute(named: "aria-label", value: "Code QR du chèque \(voucher.number)"), .attribute(named: "shape-rendering", value: "crispEdges"),
                         .title("Code QR du chèque \(voucher.number)"),
                         .rect(.attribute(named: "width", value: "\(voucher.code.side)"), .attribute(named: "height", value: "\(voucher.code.side)"), .attribute(named: "fill", value: "#fff")),
                         .path(.attribute(named: "fill", value: "#000"), .attribute(named: "d", value: voucher.code.pathData))),
                    .p(.class("number"), .text(voucher.number)),
                    .p(.text("Valable jusqu'au \(French.date(voucher.lastDay)) inclus")),
                    .p(.text("Offert par \(funder)")),
                    .p(.class("no-print"), .text("État\(French.colon)\(voucher.state)")))
            })
        )
    }
}
