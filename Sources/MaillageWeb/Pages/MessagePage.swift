
/// A page that says one thing: a mail was sent, a link worked or did not.
enum MessagePage {
    static func render(title: String, _ paragraphs: [String], link: (href: String, label: String)? = nil) -> Page {
        Layout.page(
            title: title,
            .h1(.text(title)),
            .forEach(paragraphs) { .p(.text($0)) },
            .unwrap(link) { .p(.a(.href($0.href), .text($0.label))) }
        )
    }
}
