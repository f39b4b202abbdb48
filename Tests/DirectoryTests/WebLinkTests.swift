import Directory
import Testing

@Suite("Which texts become links")
struct WebLinkTests {
    @Test("http and https addresses with a host are links", arguments: [
        "https://www.service-public.fr", "http://mediatheque.mende.fr/horaires?jour=lundi#samedi", "HTTPS://Exemple.FR/",
        "https://acceslibre.beta.gouv.fr/app/48-mende/a/bibliotheque/erp/mediatheque/", "https://exemple.fr:8443/rdv",
        "https://médiathèque.exemple.fr/",
    ])
    func links(text: String) {
        #expect(WebLink.web(text) == text)
    }

    @Test("anything else stays text", arguments: [
        "javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<script>", "www.exemple.fr", "ftp://exemple.fr",
        "https://", "https:///chemin", "https://ok.example/\"><meta http-equiv=refresh>", "https://ok.example/ espace",
        "https://ok.example/'x", "https://exem<ple.fr", "mailto:marie@exemple.fr", "//exemple.fr", "https://exemple.fr\n",
    ])
    func notLinks(text: String) {
        #expect(WebLink.web(text) == nil)
    }

    @Test("mail addresses of the plain shape only", arguments: [
        ("contact@mediatheque-mende.fr", true), ("prenom.nom+epn@exemple.org", true), ("pas une adresse", false),
        ("a@b", false), ("@exemple.fr", false), ("x@exemple.fr?subject=<b>", false), ("a\"@exemple.fr", false),
        ("a@exemple..fr", false),
    ])
    func mail(text: String, valid: Bool) {
        #expect(WebLink.isMailAddress(text) == valid)
    }
}
