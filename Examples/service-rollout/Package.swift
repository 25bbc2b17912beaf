// swift-tools-version: 6.0
import PackageDescription

// A team's own procedure with its own checks, outside stepdoc: the checks depend on StepDocChecks alone, and
// the `rollout-checks` runner exports them for `stepdoc check` and evaluates them for `stepdoc preflight`.
let package = Package(
    name: "service-rollout",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "RolloutChecks", targets: ["RolloutChecks"]),
        .executable(name: "rollout-checks", targets: ["rollout-checks"]),
    ],
    dependencies: [
        .package(name: "stepdoc", path: "../..")
    ],
    targets: [
        .target(name: "RolloutChecks", dependencies: [.product(name: "StepDocChecks", package: "stepdoc")]),
        .executableTarget(
            name: "rollout-checks",
            dependencies: ["RolloutChecks", .product(name: "StepDocChecks", package: "stepdoc")]),
    ]
)
