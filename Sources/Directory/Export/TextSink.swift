import Foundation

/// Text written out in large chunks: to a file, to standard output, or kept in memory.
public final class TextSink {
    private let handle: FileHandle?
    private var buffer: [UInt8] = []
    public private(set) var collected: [UInt8] = []

    /// Writes to `path`, created or truncated; standard output when nil.
    public init(path: String?) throws {
        if let path {
            guard FileManager.default.createFile(atPath: path, contents: nil),
                  let handle = FileHandle(forWritingAtPath: path) else {
                throw ExportFailure.unwritable(path)
            }
            self.handle = handle
        } else {
            self.handle = FileHandle.standardOutput
        }
    }

    /// Keeps the text in memory (`collected`), for tests and the web.
    public init() {
        self.handle = nil
    }

    public func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    public func flush() {
        guard !buffer.isEmpty else { return }
        if let handle { handle.write(Data(buffer)) } else { collected.append(contentsOf: buffer) }
        buffer.removeAll(keepingCapacity: true)
    }

    public var text: String { flush(); return String(decoding: collected, as: UTF8.self) }
}

public enum ExportFailure: Error, Equatable {
    case unwritable(String)

    public var message: String {
        switch self {
        case .unwritable(let path): "Impossible d'écrire le fichier « \(path) » (dossier absent ou droits)."
        }
    }
}
