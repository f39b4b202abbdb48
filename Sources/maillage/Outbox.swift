import Accounts
import ArgumentParser
import Foundation
import MaillageDatabase

struct Outbox: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Affiche les messages en attente d'envoi (développement et tests).")

    @Flag(help: "Un objet JSON par message, une ligne chacun.")
    var json = false

    func run() async throws {
        let mails = try await DatabaseLocation.fromEnvironment().withSession { session in
            try await PendingMail(database: session.database).list()
        }
        for mail in mails {
            if json {
                let object = ["to": mail.recipient, "subject": mail.subject, "body": mail.body]
                let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
                print(String(decoding: data, as: UTF8.self))
            } else {
                print("À : \(mail.recipient)\nObjet : \(mail.subject)\n\n\(mail.body)\n\n----")
            }
        }
        if !json { printError("\(mails.count) message(s) en attente.") }
        if ProcessInfo.processInfo.environment["SMTP_URL"] == nil {
            printError("Sans SMTP_URL, aucun message ne part : cette boîte d'envoi sert au développement. "
                       + "Les messages envoyés n'y gardent pas leur texte, ceux dont le lien a expiré sont effacés.")
        }
    }
}
