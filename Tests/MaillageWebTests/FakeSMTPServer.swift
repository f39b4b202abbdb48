import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOExtras
import NIOPosix

/// A mail server on loopback that speaks enough SMTP for a client to deliver, and keeps what
/// it was told; `refuseRecipients` makes it answer 550 to RCPT, as a relay refusing would.
/// `stall` makes it stop answering at one step, the connection left open: `.greeting` before its
/// first line, `.command("DATA")` once that command is received, `.drip` answering EHLO with an
/// endless reply, one continuation line at a time.
final class FakeSMTPServer: Sendable {
    let port: Int
    private let channel: NIOAsyncChannel<NIOAsyncChannel<ByteBuffer, ByteBuffer>, Never>
    private let state = NIOLockedValueBox<(commands: [String], messages: [String])>(([], []))
    private let task: Task<Void, Never>

    var commands: [String] { state.withLockedValue { $0.commands } }
    var messages: [String] { state.withLockedValue { $0.messages } }

    enum Stall: Sendable, Equatable {
        case greeting
        case command(String)
        case drip
    }

    init(refuseRecipients: Bool = false, stall: Stall? = nil) async throws {
        channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: "127.0.0.1", port: 0) { child in
                child.eventLoop.makeCompletedFuture {
                    try child.pipeline.syncOperations.addHandler(ByteToMessageHandler(LineBasedFrameDecoder()))
                    return try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: child)
                }
            }
        port = channel.channel.localAddress?.port ?? 0
        let state = state, channel = channel
        task = Task {
            try? await channel.executeThenClose { connections in
                for try await connection in connections {
                    try? await connection.executeThenClose { inbound, outbound in
                        func say(_ line: String) async throws { try await outbound.write(ByteBuffer(string: line + "\r\n")) }
                        if stall == .greeting { try await Task.sleep(for: .seconds(3600)) }
                        try await say("220 faux.exemple ESMTP")
                        var data: [String]?
                        for try await buffer in inbound {
                            let line = String(buffer: buffer).trimmingCharacters(in: .newlines)
                            if var lines = data {
                                if line == "." {
                                    state.withLockedValue { $0.messages.append(lines.joined(separator: "\n")) }
                                    data = nil
                                    try await say("250 2.0.0 reçu")
                                } else {
                                    lines.append(line)
                                    data = lines
                                }
                                continue
                            }
                            state.withLockedValue { $0.commands.append(line) }
                            if case .command(let name) = stall, line.uppercased().hasPrefix(name) { try await Task.sleep(for: .seconds(3600)) }
                            if stall == .drip, line.uppercased().hasPrefix("EHLO") {
                                while true {
                                    try await say("250-encore un instant")
                                    try await Task.sleep(for: .milliseconds(100))
                                }
                            }
                            switch line.prefix(4).uppercased() {
                            case "EHLO": try await say("250-faux.exemple\r\n250 AUTH PLAIN")
                            case "AUTH": try await say("235 2.7.0 ok")
                            case "MAIL": try await say("250 2.1.0 ok")
                            case "RCPT": try await say(refuseRecipients ? "550 5.1.1 destinataire inconnu" : "250 2.1.5 ok")
                            case "DATA":
                                data = []
                                try await say("354 envoyez")
                            case "QUIT":
                                try await say("221 au revoir")
                                return
                            default: try await say("502 inconnu")
                            }
                        }
                    }
                }
            }
        }
    }

    func stop() async {
        try? await channel.channel.close()
        task.cancel()
    }
}
