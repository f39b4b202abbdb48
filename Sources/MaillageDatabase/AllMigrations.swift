import Accounts
import Directory
import FluentKit
import MaillageCore

/// Every domain's migrations, in the order they must run.
public enum AllMigrations {
    public static var list: [any Migration] { DirectoryMigrations.all + [CreateAuditLog()] + AccountsMigrations.all }

    public static func register(on migrations: Migrations, as id: DatabaseID? = nil) {
        migrations.add(list, to: id)
    }
}
