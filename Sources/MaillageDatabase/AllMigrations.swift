import Accounts
import Directory
import FluentKit
import MaillageCore

/// Every domain's migrations, in the order they must run: domains in the order their imports
/// point (a domain's tables only refer to those of the domains below it), each domain's own in
/// the order it wrote them.
public enum AllMigrations {
    public static let list: [PinnedMigration] =
        DirectoryMigrations.all + [PinnedMigration("MaillageCore.CreateAuditLog", CreateAuditLog())] + AccountsMigrations.all

    public static func register(on migrations: Migrations, as id: DatabaseID? = nil) {
        migrations.add(list, to: id)
    }
}
