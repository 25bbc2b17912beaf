import Foundation
import MigrationChecks
import StepDocTestSupport

/// The deployment facts the MigrationChecks tests keep in `Tests/MigrationChecksTests/Fixtures/<case>/`.
struct FactsFixture {
    let name: String

    init(_ name: String) {
        self.name = name
    }

    /// The path relative to the project root, as a user would type it there.
    var relativePath: String {
        "Tests/MigrationChecksTests/Fixtures/\(name)/facts.json"
    }

    var url: URL {
        Fixtures.projectRoot().appendingPathComponent(relativePath)
    }

    func data() throws -> Data {
        try Data(contentsOf: url)
    }

    func facts() throws -> DeploymentFacts {
        try DeploymentFacts(json: [UInt8](data()))
    }

    /// The facts of the 4.0 replica set with its `getCmdLineOpts` reply left out.
    static func withoutGetCmdLineOpts() throws -> DeploymentFacts {
        var document = try FactsFixture("replica-set-4.0-root").facts().document
        document.members.removeAll { $0.key == "getCmdLineOpts" }
        return DeploymentFacts(document: document)
    }

    /// The same, as JSON text for a subprocess's standard input.
    static func withoutGetCmdLineOptsJSON() throws -> Data {
        let object = try JSONSerialization.jsonObject(with: FactsFixture("replica-set-4.0-root").data())
        guard var document = object as? [String: Any] else { return Data() }
        document.removeValue(forKey: "getCmdLineOpts")
        return try JSONSerialization.data(withJSONObject: document)
    }
}
