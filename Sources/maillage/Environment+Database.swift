import ArgumentParser
import MaillageDatabase

extension DatabaseLocation {
    /// The database `DATABASE_URL` names, or a clean exit with its French message.
    static func fromEnvironment() throws -> DatabaseLocation {
        do {
            return try DatabaseLocation()
        } catch let invalid as DatabaseLocation.Invalid {
            printError(invalid.description)
            throw ExitCode.failure
        }
    }

    /// Opens and migrates it, runs `body`, and closes it whatever happens.
    func withSession<T>(_ body: (DatabaseSession) async throws -> T) async throws -> T {
        let session = try DatabaseSession(location: self)
        do {
            try await session.migrate()
            let result = try await body(session)
            await session.shutdown()
            return result
        } catch {
            await session.shutdown()
            throw error
        }
    }
}

func printError(_ message: String) {
    var standardError = StandardError()
    print(message, to: &standardError)
}

struct StandardError: TextOutputStream {
    mutating func write(_ string: String) {
        FileHandleOutput.standardError(string)
    }
}

import Foundation

enum FileHandleOutput {
    static func standardError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
