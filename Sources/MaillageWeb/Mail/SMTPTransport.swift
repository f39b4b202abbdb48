import Accounts
import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOExtras
import NIOPosix
import NIOSSL

/// Sends one mail per connection over SMTP: greeting, EHLO, AUTH PLAIN when a user is set,
/// MAIL FROM, RCPT TO, DATA, QUIT. The text goes as UTF-8 in base64, so no line of it can be
/// mistaken for the end of the data, and the subject as an RFC 2047 encoded word. A server that
/// stops answering, at any step, or drags the conversation past its time, is hung up on.
public struct SMTPTransport: MailTransport {
    let settings: SMTPSettings

    public init(settings: SMTPSettings) {
        self.settings = settings
    }

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    public func send(to recipient: String, subject: String, body: String) async throws {
        let settings = settings
        let hangUp = HangUp(settings: settings)
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(TimeAmount(settings.stepTimeout))
            .connect(host: settings.host, port: settings.port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandlers(IdleStateHandler(readTimeout: TimeAmount(settings.stepTimeout)),
                                                                    hangUp)
                    if settings.tls {
                        let context = try NIOSSLContext(configuration: .makeClientConfiguration())
                        try channel.pipeline.syncOperations.addHandler(try NIOSSLClientHandler(context: context, serverHostname: settings.host))
                    }
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(LineBasedFrameDecoder()))
                    return try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        let deadline = channel.channel.eventLoop.scheduleTask(in: TimeAmount(settings.totalTimeout)) {
            channel.channel.pipeline.fireUserInboundEventTriggered(HangUp.TooLong())
        }
        defer { deadline.cancel() }
        do {
            try await converse(over: channel, to: recipient, subject: subject, body: body)
        } catch {
            // Hung up on: whatever the conversation was doing then failed, and the reason is why.
            if let reason = hangUp.reason { throw Failure(description: reason) }
            throw error
        }
    }

    private func converse(over channel: NIOAsyncChannel<ByteBuffer, ByteBuffer>, to recipient: String, subject: String, body: String) async throws {
        try await channel.executeThenClose { inbound, outbound in
            var lines = inbound.makeAsyncIterator()
            func reply(_ expected: Set<Int>, after command: String) async throws {
                var text = ""
                while true {
                    guard let buffer = try await lines.next() else { throw Failure(description: "connexion fermée après \(command)") }
                    let line = String(buffer: buffer).trimmingCharacters(in: .newlines)
                    text += line + " "
                    // "250-…" announces more lines; "250 …" is the last.
                    if line.count < 4 || line[line.index(line.startIndex, offsetBy: 3)] != "-" { break }
                }
                guard let code = Int(text.prefix(3)), expected.contains(code) else {
                    throw Failure(description: "\(command)\u{00A0}: le serveur a répondu «\u{00A0}\(text.trimmingCharacters(in: .whitespaces))\u{00A0}»")
                }
            }
            func command(_ text: String, _ expected: Set<Int>, shown: String? = nil) async throws {
                try await outbound.write(ByteBuffer(string: text + "\r\n"))
                try await reply(expected, after: shown ?? text)
            }
            try await reply([220], after: "la connexion")
            try await command("EHLO maillage", [250])
            if let username = settings.username {
                let credentials = Data("\0\(username)\0\(settings.password ?? "")".utf8).base64EncodedString()
                try await command("AUTH PLAIN \(credentials)", [235], shown: "AUTH PLAIN")
            }
            try await command("MAIL FROM:<\(settings.from)>", [250])
            try await command("RCPT TO:<\(recipient)>", [250, 251])
            try await command("DATA", [354])
            try await command(Self.message(from: settings.from, to: recipient, subject: subject, body: body) + "\r\n.", [250], shown: "le message")
            try await command("QUIT", [221])
        }
    }

    static func message(from: String, to: String, subject: String, body: String, date: Date = Date()) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        let encodedSubject = "=?UTF-8?B?\(Data(subject.utf8).base64EncodedString())?="
        let text = Data(body.replacingOccurrences(of: "\n", with: "\r\n").utf8).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
        return [
            "From: Maillage <\(from)>", "To: <\(to)>", "Subject: \(encodedSubject)", "Date: \(formatter.string(from: date))",
            "Message-ID: <\(UUID().uuidString.lowercased())@maillage>", "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: base64", "", text,
        ].joined(separator: "\r\n")
    }
}

/// Turns the server's silence (`IdleStateHandler`'s read event) or the conversation's deadline
/// into an error the conversation reads, in French, and closes the connection.
private final class HangUp: ChannelInboundHandler, Sendable {
    typealias InboundIn = ByteBuffer
    struct TooLong {}

    let settings: SMTPSettings
    private let said = NIOLockedValueBox<String?>(nil)
    /// Why the connection was hung up on, once it was.
    var reason: String? { said.withLockedValue { $0 } }

    init(settings: SMTPSettings) {
        self.settings = settings
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        let reason: String? = switch event {
        case IdleStateHandler.IdleStateEvent.read: "le serveur ne répond plus (\(settings.stepTimeout.seconds)\u{00A0}s sans réponse)"
        case is TooLong: "l'envoi dépasse \(settings.totalTimeout.seconds)\u{00A0}s"
        default: nil
        }
        guard let reason else { return context.fireUserInboundEventTriggered(event) }
        said.withLockedValue { $0 = reason }
        context.fireErrorCaught(SMTPTransport.Failure(description: reason))
        context.close(promise: nil)
    }
}

private extension Duration {
    /// « 30 », « 0,5 »: for messages.
    var seconds: String {
        let value = Double(components.seconds) + Double(components.attoseconds) / 1e18
        return value == value.rounded() ? String(Int(value)) : String(value).replacingOccurrences(of: ".", with: ",")
    }
}
