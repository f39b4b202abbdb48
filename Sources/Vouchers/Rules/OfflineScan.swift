/// A scan made offline counts at its own time if it is submitted within 72 hours; vouchers are
/// expired that long after their end, so that a scan made on the last day still counts.
public enum OfflineScan {
    public static let window = 72 * 3600
    /// A device's clock may run a little ahead of the server's.
    public static let clockSkew = 5 * 60
}
