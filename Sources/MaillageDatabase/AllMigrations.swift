import Accounts
import Consultation
import Directory
import FluentKit
import MaillageCore
import Vouchers

/// Every migration, in the order they run: the domains' first ones in the order their imports
/// point (a domain's tables only refer to those of the domains below it), later ones appended
/// as they are written, so that a new database and an old one run them in the same order.
public enum AllMigrations {
    public static let list: [PinnedMigration] =
        DirectoryMigrations.all + [PinnedMigration("MaillageCore.CreateAuditLog", CreateAuditLog())] + AccountsMigrations.all
        + [PinnedMigration("MaillageCore.ChainAuditLogInStreams", ChainAuditLogInStreams()),
           PinnedMigration("MaillageCore.CreateJobs", CreateJobs())]
        + AccountsMigrations.later
        + VouchersMigrations.all
        + ConsultationMigrations.all

    public static func register(on migrations: Migrations, as id: DatabaseID? = nil) {
        migrations.add(list, to: id)
    }
}
