import Foundation
import MigrationChecks

/// The deployment facts the MigrationChecks tests keep in `Tests/MigrationChecksTests/Fixtures/<case>/`.
public struct FactsFixture {
    public let name: String

    public init(_ name: String) {
        self.name = name
    }

    /// The path relative to the project root, as a user would type it there.
    public var relativePath: String {
        "Tests/MigrationChecksTests/Fixtures/\(name)/facts.json"
    }

    public var url: URL {
        Fixtures.projectRoot().appendingPathComponent(relativePath)
    }

    public func data() throws -> Data {
        try Data(contentsOf: url)
    }

    public func facts() throws -> DeploymentFacts {
        try DeploymentFacts(json: [UInt8](data()))
    }

    /// The facts of the 4.0 replica set with its `getCmdLineOpts` reply left out.
    public static func withoutGetCmdLineOpts() throws -> DeploymentFacts {
        var document = try FactsFixture("replica-set-4.0-root").facts().document
        document.members.removeAll { $0.key == "getCmdLineOpts" }
        return DeploymentFacts(document: document)
    }

    /// The same, as JSON text for a subprocess's standard input.
    public static func withoutGetCmdLineOptsJSON() throws -> Data {
        let object = try JSONSerialization.jsonObject(with: FactsFixture("replica-set-4.0-root").data())
        guard var document = object as? [String: Any] else { return Data() }
        document.removeValue(forKey: "getCmdLineOpts")
        return try JSONSerialization.data(withJSONObject: document)
    }
}
