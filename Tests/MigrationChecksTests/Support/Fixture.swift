import Foundation
import MigrationChecks

/// A test case under `Fixtures/<name>/`, found next to this source file.
struct Fixture {
    let name: String

    init(_ name: String) {
        self.name = name
    }

    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    /// The bytes of `Fixtures/<name>/<file>`.
    func bytes(_ file: String = "facts.json") throws -> [UInt8] {
        let url = Self.directory.appendingPathComponent(name).appendingPathComponent(file)
        return Array(try Data(contentsOf: url))
    }

    /// The case's facts, read.
    func facts() throws -> DeploymentFacts {
        try DeploymentFacts(json: bytes())
    }
}
