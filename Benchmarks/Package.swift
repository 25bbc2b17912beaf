// swift-tools-version: 6.0
import PackageDescription

// The benchmark harness lives in its own package so the main build stays lean.
let package = Package(
    name: "stepdoc-benchmarks",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "corpus-gen", targets: ["corpus-gen"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2")
    ],
    targets: [
        // Deterministic generator of giza step files and their CommonMark twins.
        .target(name: "CorpusGen"),
        .executableTarget(
            name: "corpus-gen",
            dependencies: [
                "CorpusGen",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "CorpusGenTests", dependencies: ["CorpusGen"]),
    ]
)
