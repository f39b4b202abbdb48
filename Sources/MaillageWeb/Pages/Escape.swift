/// Text made safe inside markup and attribute values.
func escape(_ text: String) -> String { escaped(text, quotes: true) }

/// Text made safe between tags: quotes need no escaping there, and stay readable in the source.
func escapeText(_ text: String) -> String { escaped(text, quotes: false) }

private func escaped(_ text: String, quotes: Bool) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for character in text {
        switch character {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"" where quotes: out += "&quot;"
        case "'" where quotes: out += "&#39;"
        default: out.append(character)
        }
    }
    return out
}
