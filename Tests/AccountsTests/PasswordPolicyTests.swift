@testable import Accounts
import Testing

@Suite("Passwords and addresses")
struct PasswordPolicyTests {
    let marie = EmailAddress("Marie.Curie@Exemple.fr")

    @Test("under twelve characters is refused, with the count; twelve is enough")
    func length() {
        #expect(PasswordPolicy.problem(with: "onze carac.", email: marie)?.code == "password.too_short")
        #expect(PasswordPolicy.problem(with: "onze carac.", email: marie)?.message == "Le mot de passe doit compter au moins 12 caractères (il en compte 11).")
        #expect(PasswordPolicy.problem(with: "douze carac.", email: marie) == nil)
        // Characters, not bytes: « é » counts once.
        #expect(PasswordPolicy.problem(with: "éééééééééé1", email: nil)?.message.contains("il en compte 11") == true)
    }

    @Test("the common passwords of the list are refused whatever their case, and so are repeated characters", arguments: [
        "motdepasse123", "MotDePasse123", "AZERTYUIOP123", "123456789012", "password1234", "zzzzzzzzzzzzzz", "abababababab",
    ])
    func common(password: String) {
        #expect(PasswordPolicy.problem(with: password, email: marie)?.code == "password.common")
    }

    @Test("the list holds only passwords the length rule lets through, lowercased")
    func listIsUseful() {
        #expect(PasswordPolicy.common.count > 100)
        #expect(PasswordPolicy.common.allSatisfy { $0.count >= PasswordPolicy.minimumLength && $0 == $0.lowercased() })
    }

    @Test("a password holding the address's name is refused")
    func address() {
        #expect(PasswordPolicy.problem(with: "marie.curie1867!", email: marie)?.message == "Le mot de passe ne doit pas reprendre votre adresse électronique.")
        #expect(PasswordPolicy.problem(with: "radium et polonium", email: marie) == nil)
    }

    @Test("addresses: one key whatever the case; the malformed refused", arguments: [
        ("  Marie@Exemple.FR ", "marie@exemple.fr"),
        ("a.b+tag@sous.domaine.fr", "a.b+tag@sous.domaine.fr"),
    ])
    func addresses(raw: String, key: String) {
        #expect(EmailAddress(raw)?.key == key)
    }

    @Test("malformed addresses are refused", arguments: ["", "marie", "marie@", "@exemple.fr", "marie@exemple", "ma rie@exemple.fr",
                                                          "marie@@exemple.fr", "marie@exemple..fr", "marie@.exemple.fr", "<marie@exemple.fr>"])
    func malformed(raw: String) {
        #expect(EmailAddress(raw) == nil)
    }

    @Test("secret tokens: 43 characters of base64url, never twice the same; the digest is SHA-256")
    func tokens() {
        let tokens = Set((0..<1000).map { _ in SecretToken.generate() })
        #expect(tokens.count == 1000)
        #expect(tokens.allSatisfy { $0.count == 43 && $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" } })
        #expect(SecretToken.digest("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SecretToken.matches("abc", "abc") && !SecretToken.matches("abc", "abd") && !SecretToken.matches("ab", "abc"))
    }
}
