/// Text made safe inside markup and attribute values.
func escape(_ text: String) -> String { escaped(text, quotes: true) }

/// Text made safe between tags: quotes need no escaping there, and stay readable in the source.
func escapeText(_ text: String) -> String { escaped(text, quotes: false) }

/// Byte by byte: the five characters are ASCII, and a UTF-8 byte below 0x80 is never part of
/// another character. Most text holds none of them and is returned as it is.
private func escaped(_ text: String, quotes: Bool) -> String {
    func special(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"): true
        case UInt8(ascii: "\""), UInt8(ascii: "'"): quotes
        default: false
        }
    }
    guard text.utf8.contains(where: special) else { return text }
    var out = [UInt8]()
    out.reserveCapacity(text.utf8.count + 16)
    for byte in text.utf8 {
        switch byte {
        case UInt8(ascii: "&"): out += "&amp;".utf8
        case UInt8(ascii: "<"): out += "&lt;".utf8
        case UInt8(ascii: ">"): out += "&gt;".utf8
        case UInt8(ascii: "\"") where quotes: out += "&quot;".utf8
        case UInt8(ascii: "'") where quotes: out += "&#39;".utf8
        default: out.append(byte)
        }
    }
    return String(decoding: out, as: UTF8.self)
}
