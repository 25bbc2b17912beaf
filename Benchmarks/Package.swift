// swift-tools-version: 6.0
import PackageDescription

// The benchmark harness lives in its own package so the main build stays lean.
let package = Package(
    name: "stepdoc-benchmarks",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "corpus-gen", targets: ["corpus-gen"]),
        .executable(name: "phase-profile", targets: ["phase-profile"]),
        .executable(name: "preview-latency", targets: ["preview-latency"]),
        .executable(name: "manifest-load", targets: ["manifest-load"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(name: "stepdoc", path: ".."),
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
        // Time and heap of each pipeline phase on one file: parse, lower, rules, render.
        .executableTarget(
            name: "phase-profile",
            dependencies: [
                .product(name: "StepSyntax", package: "stepdoc"),
                .product(name: "StepModel", package: "stepdoc"),
                .product(name: "StepRender", package: "stepdoc"),
            ]
        ),
        // Time from saving a file to the preview's reload event, and the server's memory, on 200 files.
        .executableTarget(
            name: "preview-latency",
            dependencies: [
                "CorpusGen",
                .product(name: "StepDocCLI", package: "stepdoc"),
            ]
        ),
        // Time to read a 10,000-check manifest (target: under 100 ms).
        .executableTarget(
            name: "manifest-load", dependencies: [.product(name: "StepDocChecks", package: "stepdoc")]),
        .testTarget(name: "CorpusGenTests", dependencies: ["CorpusGen"]),
    ]
)
