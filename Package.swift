// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Maillage",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "maillage", targets: ["maillage"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-kit.git", from: "1.57.0"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.35.2"),
    ],
    targets: [
        .target(
            name: "MaillageCore",
            dependencies: [
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        .target(
            name: "Accounts",
            dependencies: [
                "MaillageCore", "Directory",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.copy("Resources")]
        ),
        .target(
            name: "Directory",
            dependencies: [
                "MaillageCore",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "SQLKit", package: "sql-kit"),
            ],
            resources: [.copy("Resources")]
        ),
        .target(
            name: "Vouchers",
            dependencies: [
                "MaillageCore", "Directory", "Accounts",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "Consultation",
            dependencies: [
                "MaillageCore", "Accounts",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "SQLKit", package: "sql-kit"),
            ]
        ),
        .target(
            name: "MaillageDatabase",
            dependencies: [
                "Directory", "Accounts", "Vouchers", "Consultation", "MaillageCore",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        .target(
            name: "MaillageWeb",
            dependencies: [
                "MaillageCore", "Directory", "Accounts", "Vouchers", "Consultation", "MaillageDatabase",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOExtras", package: "swift-nio-extras"),
            ],
            resources: [.copy("Public")]
        ),
        .target(
            name: "MaillageTestSupport",
            dependencies: [
                "Directory", "Accounts", "Vouchers", "MaillageCore", "MaillageDatabase",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "SQLKit", package: "sql-kit"),
            ],
            resources: [.copy("Resources")]
        ),
        .executableTarget(
            name: "maillage",
            dependencies: [
                "MaillageWeb", "Directory", "Accounts", "Vouchers", "MaillageCore", "MaillageDatabase",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(name: "MaillageCoreTests", dependencies: ["MaillageCore", "MaillageDatabase", "MaillageTestSupport"]),
        .testTarget(name: "AccountsTests", dependencies: ["Accounts", "MaillageCore"]),
        .testTarget(name: "VouchersTests", dependencies: ["Vouchers", "Accounts", "Directory", "MaillageCore", "MaillageDatabase", "MaillageTestSupport"]),
        .testTarget(name: "ConsultationTests", dependencies: ["Consultation", "Accounts", "MaillageCore", "MaillageDatabase", "MaillageTestSupport"]),
        .testTarget(name: "DirectoryTests", dependencies: ["Directory", "MaillageDatabase", "MaillageTestSupport"]),
        .testTarget(
            name: "MaillageWebTests",
            dependencies: [
                "MaillageWeb", "Directory", "Accounts", "Vouchers", "MaillageCore", "MaillageDatabase", "MaillageTestSupport",
                .product(name: "VaporTesting", package: "vapor"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOExtras", package: "swift-nio-extras"),
            ]
        ),
    ]
)
