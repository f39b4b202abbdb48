import ArgumentParser
import Foundation
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

/// A line for people on standard error, keeping standard output for data.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
