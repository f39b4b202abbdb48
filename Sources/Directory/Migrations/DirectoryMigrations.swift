import FluentKit
import MaillageCore

/// The directory's migrations, in the order they run, each under its pinned name.
public enum DirectoryMigrations {
    public static let all = [
        PinnedMigration("Directory.CreatePlaces", CreatePlaces()),
        PinnedMigration("Directory.CreateDirectoryRevision", CreateDirectoryRevision()),
        PinnedMigration("Directory.CreatePlaceWords", CreatePlaceWords()),
        PinnedMigration("Directory.VersionPlaces", VersionPlaces()),
    ]
}
