import Accounts
import MaillageCore
import Vapor

/// Sign-up, address confirmation, login, logout, forgotten password, « Mon compte ».
enum AccountRoutes {
    static func signUpForm(_ request: Request) async throws -> Page {
        SignUpPage.render(csrf: try await request.csrfToken())
    }

    static func signUp(_ request: Request) async throws -> Response {
        let values = request.formValues("name", "email")
        let outcome = try await SignUp(database: request.db, settings: request.application.accounts)
            .run(email: values["email"]!, name: values["name"]!, password: request.formValue("password"), from: request.clientAddress)
        switch outcome {
        case .mailed(let email):
            return try await Self.mailSent(to: email).encodeResponse(for: request)
        case .refused(let problems):
            return try await SignUpPage.render(csrf: request.csrfToken(), values: values, problems: problems)
                .encodeResponse(status: .badRequest, for: request)
        case .limited(let tries):
            return try await SignUpPage.render(csrf: request.csrfToken(), values: values, problems: [FieldProblem("", tries.refusal)])
                .encodeLimited(retryAfter: tries.retryAfter, for: request)
        }
    }

    static func mailSent(to email: String) -> Page {
        MessagePage.render(title: "Vérifiez votre messagerie", [
            "Un message vient d'être envoyé à \(email). Ouvrez-le et suivez son lien pour continuer.",
            "Rien reçu d'ici quelques minutes ? Regardez dans les courriers indésirables, puis vérifiez l'adresse saisie.",
        ])
    }

    static func logInForm(_ request: Request) async throws -> Response {
        if request.user != nil { return request.redirect(to: Site.accounts.account.url()) }
        return try await LogInPage.render(csrf: request.csrfToken()).encodeResponse(for: request)
    }

    static func logIn(_ request: Request) async throws -> Response {
        let values = request.formValues("email")
        let outcome = try await LogIn(database: request.db, settings: request.application.accounts)
            .run(email: values["email"]!, password: request.formValue("password"), replacing: request.sessionToken,
                 from: request.clientAddress)
        switch outcome {
        case .loggedIn(let token, _):
            try await request.adoptSession(token: token)
            request.flash("Vous êtes connecté.")
            return request.redirect(to: Site.accounts.account.url(), redirectType: .normal)
        case .refused(let problem):
            return try await LogInPage.render(csrf: request.csrfToken(), values: values, problems: [problem])
                .encodeResponse(status: .badRequest, for: request)
        case .limited(let tries):
            return try await LogInPage.render(csrf: request.csrfToken(), values: values, problems: [FieldProblem("", tries.refusal)])
                .encodeLimited(retryAfter: tries.retryAfter, for: request)
        }
    }

    static func logOut(_ request: Request) async throws -> Response {
        if let token = request.sessionToken {
            try await VisitorSessions(database: request.db, now: request.application.clock.now).close(token: token)
        }
        request.dropSession()
        request.flash("Vous êtes déconnecté.")
        return request.redirect(to: Site.directory.home.url(), redirectType: .normal)
    }

    static func account(_ request: Request) async throws -> Response {
        guard let user = request.user else { return request.redirect(to: Site.accounts.logIn.url()) }
        return try await AccountPage.render(name: user.name, email: user.email, csrf: request.csrfToken()).encodeResponse(for: request)
    }

    static func changePassword(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let change = try await ChangePassword(database: request.db, settings: request.application.accounts)
            .run(user: user, current: request.formValue("current_password"), new: request.formValue("new_password"),
                 keeping: request.sessionToken)
        return try await accountPage(request, user: user, after: change, done: "Votre mot de passe est changé.")
    }

    static func changeEmail(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let values = request.formValues("new_email")
        let change = try await ChangeEmail(database: request.db, settings: request.application.accounts)
            .run(user: user, newEmail: values["new_email"]!, password: request.formValue("email_password"))
        return try await accountPage(request, user: user, after: change, values: values)
    }

    static func confirmEmailChangeForm(_ request: Request) async throws -> Page {
        ConfirmEmailPage.render(token: try request.linkToken(), csrf: try await request.csrfToken(), action: Site.accounts.confirmEmailChange.url())
    }

    static func confirmEmailChange(_ request: Request) async throws -> Response {
        let outcome = try await ConfirmEmailChange(database: request.db, settings: request.application.accounts)
            .run(token: request.formValue("token"))
        switch outcome {
        case .changed(let email):
            return try await MessagePage.render(title: "Adresse changée", ["Votre compte utilise désormais l'adresse \(email)."],
                                                link: (Site.accounts.account.url(), "Mon compte")).encodeResponse(for: request)
        case .refused(let problem):
            throw Refused(.badRequest, AccountsMessages.link(problem))
        case .taken:
            throw Refused(.conflict, AccountsMessages.emailTaken)
        }
    }

    static func deleteAccount(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let change = try await DeleteAccount(database: request.db, settings: request.application.accounts)
            .run(user: user, password: request.formValue("delete_password"))
        guard change == .done else { return try await accountPage(request, user: user, after: change) }
        request.dropSession()
        return try await MessagePage.render(title: "Compte supprimé", ["Votre compte est supprimé et vos données personnelles effacées."],
                                            link: (Site.directory.home.url(), "Revenir à l'accueil")).encodeResponse(for: request)
    }

    /// « Mon compte » again after a change: its notice, or its problems next to their fields.
    private static func accountPage(_ request: Request, user: User, after change: AccountChange, done: String = "",
                             values: [String: String] = [:]) async throws -> Response {
        let csrf = try await request.csrfToken()
        switch change {
        case .done:
            request.flash(done)
            return request.redirect(to: Site.accounts.account.url(), redirectType: .normal)
        case .mailed(let email):
            request.flash("Un lien de confirmation vient d'être envoyé à \(email).")
            return request.redirect(to: Site.accounts.account.url(), redirectType: .normal)
        case .refused(let problems):
            return try await AccountPage.render(name: user.name, email: user.email, csrf: csrf, values: values, problems: problems)
                .encodeResponse(status: .badRequest, for: request)
        case .limited(let tries):
            return try await AccountPage.render(name: user.name, email: user.email, csrf: csrf, values: values, problems: [FieldProblem("", tries.refusal)])
                .encodeLimited(retryAfter: tries.retryAfter, for: request)
        }
    }

    static func confirmEmailForm(_ request: Request) async throws -> Page {
        ConfirmEmailPage.render(token: try request.linkToken(), csrf: try await request.csrfToken())
    }

    static func confirmEmail(_ request: Request) async throws -> Response {
        let outcome = try await VerifyEmail(database: request.db, settings: request.application.accounts)
            .run(token: request.formValue("token"))
        switch outcome {
        case .verified(let email):
            return try await MessagePage.render(title: "Adresse confirmée", ["L'adresse \(email) est confirmée : vous pouvez vous connecter."],
                                                link: (Site.accounts.logIn.url(), "Se connecter")).encodeResponse(for: request)
        case .refused(let problem):
            throw Refused(.badRequest, AccountsMessages.link(problem))
        }
    }

    static func forgotPasswordForm(_ request: Request) async throws -> Page {
        PasswordPages.forgot(csrf: try await request.csrfToken())
    }

    static func forgotPassword(_ request: Request) async throws -> Response {
        let values = request.formValues("email")
        let outcome = try await RequestPasswordReset(database: request.db, settings: request.application.accounts)
            .run(email: values["email"]!, from: request.clientAddress)
        switch outcome {
        case .mailed:
            return try await Self.mailSent(to: values["email"]!.trimmingCharacters(in: .whitespaces)).encodeResponse(for: request)
        case .invalidEmail:
            return try await PasswordPages.forgot(csrf: request.csrfToken(), values: values,
                                                  problems: [FieldProblem("email", AccountsMessages.invalidEmail)])
                .encodeResponse(status: .badRequest, for: request)
        case .limited(let tries):
            return try await PasswordPages.forgot(csrf: request.csrfToken(), values: values, problems: [FieldProblem("", tries.refusal)])
                .encodeLimited(retryAfter: tries.retryAfter, for: request)
        }
    }

    static func newPasswordForm(_ request: Request) async throws -> Page {
        let token = try request.linkToken()
        if let problem = try await ResetPassword(database: request.db, settings: request.application.accounts).check(token: token) {
            throw Refused(.badRequest, AccountsMessages.link(problem))
        }
        return PasswordPages.new(token: token, csrf: try await request.csrfToken())
    }

    static func newPassword(_ request: Request) async throws -> Response {
        let token = request.formValue("token")
        let outcome = try await ResetPassword(database: request.db, settings: request.application.accounts)
            .run(token: token, password: request.formValue("password"))
        switch outcome {
        case .reset:
            return try await MessagePage.render(title: "Mot de passe changé",
                                                ["Votre nouveau mot de passe est enregistré. Par sécurité, vous êtes déconnecté de tous vos appareils."],
                                                link: (Site.accounts.logIn.url(), "Se connecter")).encodeResponse(for: request)
        case .refused(let problem):
            throw Refused(.badRequest, AccountsMessages.link(problem))
        case .weakPassword(let problem):
            return try await PasswordPages.new(token: token, csrf: request.csrfToken(), problems: [problem])
                .encodeResponse(status: .badRequest, for: request)
        }
    }
}

extension Request {
    /// A form field's text, or "" when it is missing.
    func formValue(_ name: String) -> String {
        (try? content.get(String.self, at: name)) ?? ""
    }

    func formValues(_ names: String...) -> [String: String] {
        Dictionary(uniqueKeysWithValues: names.map { ($0, formValue($0)) })
    }

    /// The network address the request comes from. NB: behind a proxy this is the proxy's;
    /// trusting `X-Forwarded-For` needs the proxy's address configured, which is not done yet.
    /// The visitor's network address, the key of the per-address limits: through the proxies
    /// the site trusts, never an `X-Forwarded-For` entry a visitor wrote.
    var clientAddress: String {
        application.trustedProxies.client(peer: remoteAddress?.ipAddress ?? "inconnue", forwardedFor: headers[.xForwardedFor])
    }

    /// The account logged in; pages that need one are refused otherwise (the authorization
    /// table sends visitors to the login page before this).
    func requireUser() throws -> User {
        guard let user else { throw Abort(.unauthorized, reason: "Connectez-vous pour accéder à cette page.") }
        return user
    }

    /// The `jeton` of a link from a mail.
    func linkToken() throws -> String {
        guard let token = query[String.self, at: "jeton"], !token.isEmpty else {
            throw Refused(.badRequest, AccountsMessages.link(.unknown))
        }
        return token
    }
}
