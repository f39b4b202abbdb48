import MaillageCore
import Testing

@Suite("The plain shape of a mail address")
struct MailAddressTests {
    @Test("well formed", arguments: ["contact@mediatheque.fr", "jean.dupont+aide@sous.domaine.example", "é@accentué.fr",
                                     String(repeating: "a", count: 64) + "@exemple.fr"])
    func accepted(_ address: String) {
        #expect(MailAddress.isWellFormed(address))
    }

    @Test("malformed", arguments: ["", "sans-arobase.fr", "@exemple.fr", "a@b@exemple.fr", "a@exemple", "a@.exemple.fr",
                                   "a@exemple.fr.", "a@exemple..fr", "a b@exemple.fr", "a\u{00A0}b@exemple.fr", "a@exemple.fr\n",
                                   "a\u{2028}@exemple.fr", "<a@exemple.fr>", "a@exemple.fr;b@exemple.fr", "\"a\"@exemple.fr",
                                   String(repeating: "a", count: 65) + "@exemple.fr",
                                   "a@" + String(repeating: "b", count: 250) + ".fr"])
    func refused(_ address: String) {
        #expect(!MailAddress.isWellFormed(address))
    }
}
