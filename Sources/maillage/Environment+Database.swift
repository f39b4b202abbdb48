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
