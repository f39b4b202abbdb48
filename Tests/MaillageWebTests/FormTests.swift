import Accounts
import MaillageCore
@testable import MaillageWeb
import Testing

@Suite("The form builder: labels, hints and errors tied to their fields, input kept, a summary linking to each problem")
struct FormTests {
    static func html(_ node: Node) -> String {
        var out = ""
        node.render(into: &out)
        return out
    }

    static let fields: [Field] = [
        Field(name: "nom", label: "Nom", autocomplete: "name", hint: "Tel qu'il s'affiche"),
        Field(name: "mot_de_passe", label: "Mot de passe", kind: .password),
        Field(name: "montant", label: "Montant", kind: .money),
        Field(name: "seances", label: "Séances", kind: .number),
        Field(name: "le", label: "Date", kind: .date),
        Field(name: "valeur", label: "Valeur faciale", kind: .select([Field.Option("1000", "10 €"), Field.Option("2000", "20 €")])),
        Field(name: "carnet", label: "Carnet", kind: .radio([Field.Option("5", "5 chèques"), Field.Option("10", "10 chèques")])),
        Field(name: "publics", label: "Publics", kind: .checkboxes([Field.Option("Jeunes", "Jeunes"), Field.Option("Seniors", "Seniors")])),
        Field(name: "accord", label: "J'accepte", kind: .checkbox),
        Field(name: "message", label: "Message", kind: .textarea(rows: 4)),
        Field(name: "piece", label: "Pièce jointe", kind: .file(accept: "application/pdf")),
    ]

    @Test("every kind of field, after an error: each control labelled, described and marked invalid, what was typed kept but the password and the file")
    func afterAnError() {
        let values = ["nom": "<Marie> \"Curie\"", "mot_de_passe": "secret", "montant": "12,5", "seances": "3", "le": "2026-12-02",
                      "valeur": "2000", "carnet": "10", "publics": "Jeunes,Seniors", "accord": "on", "message": "Bonjour & merci"]
        let problems = [FieldProblem("nom", Refusal("t.nom", "Le nom est trop long.")), FieldProblem("montant", Refusal("t.m", "Montant ambigu.")),
                        FieldProblem("publics", Refusal("t.p", "Choisissez un public.")), FieldProblem("", Refusal("t.g", "Réessayez plus tard."))]
        let html = Self.html(Form.post("/essai", csrf: "jeton", values: values, problems: problems).render(Self.fields, submit: "Envoyer"))

        #expect(html.hasPrefix(#"<form action="/essai" method="post" enctype="multipart/form-data">"#))
        // the summary first: a link to each field's problem, the general one in full
        #expect(html.contains(##"<div class="error summary" role="alert"><h2>Le formulaire contient 4 erreurs</h2><ul><li><a href="#nom">Le nom est trop long.</a></li><li><a href="#montant">Montant ambigu.</a></li><li><a href="#publics-0">Choisissez un public.</a></li><li>Réessayez plus tard.</li></ul></div>"##))
        #expect(html.contains(#"<input type="hidden" name="_csrf" value="jeton">"#))
        #expect(html.contains(#"<label for="nom">Nom</label><p class="hint" id="nom-aide">Tel qu'il s'affiche</p><input type="text" id="nom" name="nom" autocomplete="name" aria-describedby="nom-aide nom-erreur" aria-invalid="true" value="&lt;Marie&gt; &quot;Curie&quot;"><div class="error" id="nom-erreur"><p>Le nom est trop long.</p></div>"#))
        #expect(html.contains(#"<input type="password" id="mot_de_passe" name="mot_de_passe" value="">"#))
        #expect(!html.contains("secret"))
        #expect(html.contains(#"<span class="money"><input type="text" id="montant" name="montant" aria-describedby="montant-erreur" aria-invalid="true" inputmode="decimal" value="12,5">\#u{00A0}€</span>"#))
        #expect(html.contains(#"<input type="text" id="seances" name="seances" inputmode="numeric" value="3">"#))
        #expect(html.contains(#"<input type="date" id="le" name="le" value="2026-12-02">"#))
        #expect(html.contains(#"<option value="2000" selected>20 €</option>"#))
        #expect(html.contains(#"<input type="radio" id="carnet-1" name="carnet" value="10" checked><label for="carnet-1">10 chèques</label>"#))
        #expect(html.contains(#"<fieldset aria-describedby="publics-erreur"><legend>Publics</legend>"#))
        #expect(html.contains(#"<input type="checkbox" id="publics-1" name="publics[]" value="Seniors" checked>"#))
        #expect(html.contains(#"<input type="checkbox" value="on" checked id="accord" name="accord"><label for="accord">J'accepte</label>"#))
        #expect(html.contains(#"<textarea id="message" name="message" rows="4">Bonjour &amp; merci</textarea>"#))
        #expect(html.contains(#"<input type="file" id="piece" name="piece" accept="application/pdf">"#))
        #expect(html.hasSuffix(#"<button type="submit">Envoyer</button></form>"#))
    }

    @Test("a blank form has no summary, no invalid field; a GET form carries no token and sends its boxes under their own name")
    func blankAndGet() {
        let html = Self.html(Form(action: "/recherche", method: .get).render(Self.fields.filter { $0.name == "publics" || $0.name == "nom" }, submit: "Rechercher"))
        #expect(html.hasPrefix(#"<form action="/recherche" method="get">"#))
        #expect(!html.contains("summary") && !html.contains("aria-invalid") && !html.contains("_csrf"))
        #expect(html.contains(#"name="publics" value="Jeunes">"#))
        #expect(html.contains(#"aria-describedby="nom-aide""#))
    }

    @Test("a choice of nothing is sent as nothing: its empty value is written, not left for the browser to fill with the label or « on »")
    func emptyChoices() {
        let none = [Field.Option("", "Tous"), Field.Option("BIB", "Médiathèque")]
        let html = Self.html(Form(action: "/recherche", method: .get).render([
            Field(name: "typologie", label: "Type", kind: .select(none)), Field(name: "ouvert", label: "Quand ?", kind: .radio(none)),
        ], submit: "Rechercher"))
        #expect(html.contains(#"<option value="" selected>Tous</option>"#))
        #expect(html.contains(#"<input type="radio" id="ouvert-0" name="ouvert" value="">"#))
    }

    @Test("a sealed text opens to itself; one changed, or sealed with another key or for another purpose, does not open")
    func sealedText() {
        let seal = SignedText(secret: "s", purpose: "flash")
        for text in ["", "Votre demande a été envoyée.", "« guillemets » & <balises>", "🙂"] {
            #expect(seal.open(seal.seal(text)) == text)
            #expect(Base64URL.decode(Base64URL.encode(Array(text.utf8))) == Array(text.utf8))
        }
        let sealed = seal.seal("Demande acceptée.")
        #expect(SignedText(secret: "t", purpose: "flash").open(sealed) == nil)
        #expect(SignedText(secret: "s", purpose: "csrf").open(sealed) == nil)
        #expect(seal.open("x" + sealed) == nil)
        #expect(seal.open(sealed.replacingOccurrences(of: ".", with: "")) == nil)
        #expect(Base64URL.decode("a") == nil && Base64URL.decode("a+b=") == nil)
    }
}
