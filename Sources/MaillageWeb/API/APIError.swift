import Vapor

/// The JSON API's one error shape: `{"error": {"code", "message", "field"}}`.
struct APIError: Content {
    struct Detail: Content {
        let code: String
        let message: String
        let field: String?
    }

    let error: Detail

    init(code: String, message: String, field: String? = nil) {
        error = Detail(code: code, message: message, field: field)
    }
}
