import Vouchers

/// How the Pass's states read in French.
enum PassLabels {
    static let states: [Voucher.State] = [.stock, .handedOut, .redeemed, .expired, .cancelled]

    static func state(_ state: Voucher.State) -> String {
        switch state {
        case .stock: "en stock"
        case .handedOut: "remis"
        case .redeemed: "utilisés"
        case .expired: "périmés"
        case .cancelled: "annulés"
        }
    }

    static func order(_ status: VoucherOrder.Status) -> String {
        switch status {
        case .quote: "devis demandé"
        case .invoiced: "facturée, en attente de paiement"
        case .paid: "payée, chèques émis"
        case .cancelled: "annulée"
        }
    }

    static func counts(_ counts: [Voucher.State: Int]) -> [(label: String, value: Int)] {
        states.map { (state($0), counts[$0] ?? 0) }
    }
}
