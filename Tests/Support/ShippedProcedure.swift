import Foundation
import StepModel
import StepProject
import StepSyntax

/// The shipped step file, read through the real pipeline, named as `make run` names it.
public enum ShippedProcedure {
    public static let path = "content/atlas-live-migration-prerequisites.rst"

    public static func read() throws -> ProcessedSource {
        let bytes = try [UInt8](Data(contentsOf: Fixtures.seedFile()))
        let pipeline = Pipeline(
            config: StepDocConfig(), sourceRoot: Fixtures.projectRoot().appendingPathComponent("content").path)
        let entry = SourceEntry(path: path, root: "content", name: "atlas-live-migration-prerequisites")
        return pipeline.process(entry, file: SourceFile(path: path, bytes: bytes))
    }
}
