import Foundation

/// Bytes read in fixed chunks from a file or from memory, so that a file of any size is read
/// with bounded memory. Counts what it has read, for progress.
public final class ByteSource {
    private let handle: FileHandle?
    private var buffer: [UInt8]
    private var position = 0
    private let chunkSize: Int
    public private(set) var bytesRead = 0
    /// Size of the underlying file, when known.
    public let totalBytes: Int?

    public init(path: String, chunkSize: Int = 1 << 16) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ImportFailure.unreadable(path)
        }
        self.handle = handle
        self.buffer = []
        self.chunkSize = chunkSize
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        self.totalBytes = (attributes?[.size] as? NSNumber)?.intValue
    }

    public init(bytes: [UInt8]) {
        self.handle = nil
        self.buffer = bytes
        self.chunkSize = 0
        self.totalBytes = bytes.count
    }

    public convenience init(text: String) { self.init(bytes: Array(text.utf8)) }

    deinit { try? handle?.close() }

    /// The next byte, or nil at the end.
    @inline(__always)
    public func next() -> UInt8? {
        if position == buffer.count, !refill() { return nil }
        let byte = buffer[position]
        position += 1
        bytesRead += 1
        return byte
    }

    /// The next byte without consuming it.
    public func peek() -> UInt8? {
        if position == buffer.count, !refill() { return nil }
        return buffer[position]
    }

    /// The unread bytes of the current chunk (the first 64 Kio at the start), not consumed.
    public func peekChunk() -> ArraySlice<UInt8>? {
        if position == buffer.count, !refill() { return nil }
        return buffer[position...]
    }

    /// Consumes `prefix` if the unread bytes begin with it (used at the start of a file).
    public func skip(prefix: [UInt8]) -> Bool {
        if position == buffer.count, !refill() { return false }
        guard buffer[position...].starts(with: prefix) else { return false }
        position += prefix.count
        bytesRead += prefix.count
        return true
    }

    private func refill() -> Bool {
        guard let handle else { return false }
        let data = (try? handle.read(upToCount: chunkSize)) ?? nil
        guard let data, !data.isEmpty else { return false }
        buffer = Array(data)
        position = 0
        return true
    }
}
