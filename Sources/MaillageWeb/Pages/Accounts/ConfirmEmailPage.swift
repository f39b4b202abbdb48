
/// The page the verification link opens: one button, so that a mail scanner opening the link
/// does not confirm the address in the person's place.
enum ConfirmEmailPage {
    static func render(token: String, csrf: String, action: String = Site.accounts.confirmEmail.url()) -> Page {
        Layout.page(
            title: "Confirmer votre adresse",
            .h1(.text("Confirmer votre adresse")),
            Form.post(action, csrf: csrf, hidden: ["token": token])
                .render([], submit: "Confirmer mon adresse")
        )
    }
}
