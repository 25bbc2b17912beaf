import Foundation
import Testing

/// Whether the parts of `../shared` that some tests read are present. CI has `../shared`; a user's
/// clone does not, and there those tests are skipped by the traits below, which say why.
extension Fixtures {
    public static var hasShared: Bool { sharedDirectory() != nil }
    public static var hasRealCorpus: Bool { !realCorpusFiles().isEmpty }
    public static var hasYAMLCorpus: Bool {
        guard let shared = sharedDirectory() else { return false }
        return FileManager.default.fileExists(atPath: shared.appendingPathComponent("corpus/yaml").path)
    }
}

extension Trait where Self == ConditionTrait {
    /// Skips a test when `../shared` is absent (it is there in CI).
    public static var needsShared: Self {
        .enabled(if: Fixtures.hasShared, "needs ../shared, which is there in CI and absent in a clone")
    }
    /// Skips a test when `../shared/corpus/real` is absent (it is there in CI).
    public static var needsRealCorpus: Self {
        .enabled(if: Fixtures.hasRealCorpus, "needs the real giza files of ../shared/corpus/real (there in CI)")
    }
    /// Skips a test when `../shared/corpus/yaml` is absent (it is there in CI).
    public static var needsYAMLCorpus: Self {
        .enabled(if: Fixtures.hasYAMLCorpus, "needs the giza YAML of ../shared/corpus/yaml (there in CI)")
    }
}
