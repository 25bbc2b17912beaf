// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "stepdoc",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "stepdoc", targets: ["stepdoc"]),
        // The public check API: Check, CheckSuite, TitlePattern, BoundValue, enforced values, outcomes, the
        // check manifest and the runner protocol. A package's own checks depend on this alone.
        .library(name: "StepDocChecks", targets: ["StepDocChecks"]),
        .library(name: "MigrationChecks", targets: ["MigrationChecks"]),
        // The pipeline as libraries, for embedding and for the benchmark harness in Benchmarks/.
        .library(name: "StepSyntax", targets: ["StepSyntax"]),
        .library(name: "StepModel", targets: ["StepModel"]),
        .library(name: "StepRender", targets: ["StepRender"]),
        .library(name: "StepProject", targets: ["StepProject"]),
        .library(name: "StepReports", targets: ["StepReports"]),
        .library(name: "StepPreflight", targets: ["StepPreflight"]),
        .library(name: "StepPreview", targets: ["StepPreview"]),
        .library(name: "StepLSP", targets: ["StepLSP"]),
        .library(name: "StepDocCLI", targets: ["StepDocCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/swhitty/FlyingFox", exact: "0.27.1"),
    ],
    targets: [
        // Text made safe for each format stepdoc writes (HTML, XML, JSON, JavaScript, YAML, Swift, GitHub
        // workflow commands, Markdown tables, terminals). Depends on nothing.
        .target(name: "StepEscaping"),
        // reST reader: source files, locations, diagnostics, blocks, inlines, `only` expressions.
        .target(name: "StepSyntax"),
        // Procedure / Step / Block / Inline values, lowering, structural rules; giza YAML and
        // `.. procedure::` sources, conversion and fmt.
        .target(
            name: "StepModel", dependencies: ["StepSyntax", "StepEscaping", .product(name: "Yams", package: "Yams")]),
        // The only module that talks to libcmark-gfm.
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .target(
            name: "StepRender",
            dependencies: ["StepModel", "StepEscaping", "CCmarkGFM"]
        ),
        // The public check API (checks, suites, bound and enforced values, outcomes, JSON, the check manifest
        // and the runner protocol). Depends on nothing but StepEscaping, itself dependency-free, for JSON.
        .target(name: "StepDocChecks", dependencies: ["StepEscaping"]),
        // MongoDB's migration prerequisites: deployment facts, checks, the built-in suites; a client of
        // StepDocChecks like any other package.
        .target(name: "MigrationChecks", dependencies: ["StepDocChecks", "StepEscaping"]),
        // The exporter of MigrationChecks' suites: `stepdoc-migration-checks manifest | evaluate …`.
        .executableTarget(name: "stepdoc-migration-checks", dependencies: ["MigrationChecks"]),
        .target(name: "StepParity", dependencies: ["StepModel", "StepEscaping", "StepDocChecks"]),
        // glibc's allocator settings, which Swift's Glibc module does not import.
        .target(name: "CMemoryTuning"),
        // Extended attributes, which Swift's Glibc module does not import either.
        .target(name: "CExtendedAttributes"),
        // The project: stepdoc.yml, discovery, includes, the build cache, atomic output, and the run of
        // read → rules → parity → render, returning a result value. Never prints, never exits.
        .target(
            name: "StepProject",
            dependencies: [
                "CExtendedAttributes", "StepSyntax", "StepModel", "StepRender", "StepParity", "StepDocChecks",
                "MigrationChecks",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // Findings as text, JSON, GitHub workflow commands, SARIF and JUnit.
        .target(name: "StepReports", dependencies: ["StepEscaping", "StepSyntax", "StepModel", "StepProject", "StepDocChecks"]),
        // Check suites run on a deployment's facts, reported with the documented steps as the remedy.
        .target(
            name: "StepPreflight",
            dependencies: ["StepSyntax", "StepModel", "StepRender", "StepProject", "StepDocChecks", "MigrationChecks"]),
        // The preview server: HTTP/1.1 and server-sent events, watching, reload. The only FlyingSocks user.
        .target(
            name: "StepPreview",
            dependencies: [
                "StepEscaping", "StepSyntax", "StepModel", "StepRender", "StepProject",
                .product(name: "FlyingSocks", package: "FlyingFox"),
            ]
        ),
        // The language server (`stepdoc lsp`): JSON-RPC over stdio, open documents, the project's pipeline
        // on unsaved text, and the answers to an editor's requests.
        .target(
            name: "StepLSP",
            dependencies: ["StepEscaping", "StepSyntax", "StepModel", "StepParity", "StepDocChecks", "StepProject"]),
        // Commands, option parsing and terminal IO; one exit point.
        .target(
            name: "StepDocCLI",
            dependencies: [
                "CMemoryTuning", "StepEscaping", "StepSyntax", "StepModel", "StepRender", "StepParity", "MigrationChecks",
                "StepProject", "StepReports", "StepPreflight", "StepPreview", "StepLSP",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "stepdoc", dependencies: ["StepDocCLI"]),

        // `make templates`: the Swift source of the built-in template sets, made from templates/.
        .target(name: "TemplateEmbedding", dependencies: ["StepEscaping"]),
        .executableTarget(
            name: "generate-templates", dependencies: ["TemplateEmbedding"], path: "Sources/GenerateTemplates"),

        // Fuzzing (`make fuzz`): the harnesses, and one libFuzzer executable for each. A normal build
        // compiles the executables as replayers of the files named on their command line.
        .target(name: "StepDocFuzzing", dependencies: ["StepSyntax", "StepModel", "StepRender", "MigrationChecks"]),
        .executableTarget(name: "StepDocFuzz", dependencies: ["StepDocFuzzing"]),
        .executableTarget(name: "StepDocFuzzFacts", dependencies: ["StepDocFuzzing"]),

        // Golden files, position markers and corpus paths shared by the test targets.
        .target(
            name: "StepDocTestSupport", dependencies: ["StepProject", "StepSyntax", "MigrationChecks"],
            path: "Tests/Support"),

        .testTarget(name: "StepEscapingTests", dependencies: ["StepEscaping"]),
        .testTarget(
            name: "StepSyntaxTests", dependencies: ["StepSyntax", "StepDocTestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "StepModelTests", dependencies: ["StepModel", "StepDocTestSupport"], exclude: ["Fixtures"]),
        .testTarget(
            name: "StepRenderTests", dependencies: ["StepRender", "TemplateEmbedding", "StepDocTestSupport"],
            exclude: ["Fixtures"]),
        .testTarget(
            name: "StepDocChecksTests", dependencies: ["StepDocChecks", "StepDocTestSupport"], exclude: ["Fixtures"]),
        .testTarget(
            name: "MigrationChecksTests", dependencies: ["MigrationChecks", "StepDocTestSupport"], exclude: ["Fixtures"]),
        .testTarget(
            name: "StepParityTests",
            dependencies: [
                "StepParity", "StepModel", "StepSyntax", "StepDocChecks", "MigrationChecks", "StepDocTestSupport",
            ],
            exclude: ["Fixtures"]),
        .testTarget(
            name: "StepProjectTests",
            dependencies: ["StepProject", "StepRender", "StepModel", "StepSyntax", "StepDocTestSupport"]),
        .testTarget(
            name: "StepReportsTests",
            dependencies: ["StepReports", "StepProject", "StepModel", "StepSyntax", "StepDocTestSupport"],
            exclude: ["Fixtures"]),
        .testTarget(
            name: "StepPreflightTests",
            dependencies: [
                "StepPreflight", "StepProject", "StepRender", "StepModel", "StepSyntax", "StepDocChecks",
                "MigrationChecks", "StepDocTestSupport",
            ],
            exclude: ["Fixtures"]),
        .testTarget(
            name: "StepPreviewTests",
            dependencies: ["StepPreview", "StepProject", "StepModel", "StepSyntax", "StepDocTestSupport"]),
        .testTarget(
            name: "StepLSPTests",
            dependencies: ["StepLSP", "StepProject", "StepModel", "StepSyntax", "StepDocTestSupport"]),
        .testTarget(
            name: "StepDocCLITests",
            dependencies: [
                "StepDocCLI", "StepProject", "StepReports", "StepPreflight", "StepPreview", "StepParity", "StepRender",
                "StepModel", "StepSyntax", "MigrationChecks", "StepDocTestSupport", "StepDocFuzzing",
                // action.yml and .pre-commit-hooks.yaml are read as YAML by the pipeline tests.
                .product(name: "Yams", package: "Yams"),
            ],
            exclude: ["Fixtures"]),
    ]
)
