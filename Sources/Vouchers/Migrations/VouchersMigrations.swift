import MaillageCore

/// The Pass APTIC's migrations, in the order they run, each under its pinned name.
public enum VouchersMigrations {
    public static let all = [
        PinnedMigration("Vouchers.CreateOrders", CreateOrders()),
        PinnedMigration("Vouchers.CreateVouchers", CreateVouchers()),
        PinnedMigration("Vouchers.CreateLedger", CreateLedger()),
        PinnedMigration("Vouchers.CreateRedemptions", CreateRedemptions()),
        PinnedMigration("Vouchers.CreateReimbursements", CreateReimbursements()),
        PinnedMigration("Vouchers.CreateExpiryReminders", CreateExpiryReminders()),
    ]
}
