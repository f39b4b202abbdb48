import FluentKit

/// The directory's migrations, in the order they run.
public enum DirectoryMigrations {
    public static let all: [any Migration] = [CreatePlaces(), CreateDirectoryRevision(), CreatePlaceWords(), VersionPlaces()]
}
