/// The source format a procedure was read from.
///
/// All three lower to the same ``Procedure``; the format says how many copies a step has by design
/// (two in giza's reStructuredText, one in the others) and which writer reproduces the source.
public enum ProcedureFormat: String, Sendable, Equatable, CaseIterable {
    /// giza's generated reStructuredText: every step twice, once per `.. only::` branch.
    case gizaRST = "giza"
    /// MongoDB's current `.. procedure::` directive holding `.. step:: Title` directives: one copy.
    case procedureDirective = "procedure"
    /// giza's `steps-*.yaml` source: a stream of YAML documents, one per step.
    case gizaYAML = "yaml"

    /// Whether each step is written once per `.. only::` branch, so the branches can be compared.
    public var hasTwoBranches: Bool { self == .gizaRST }

    /// The format of a file, by its name: `.yaml` and `.yml` are giza YAML; anything else is read as
    /// reStructuredText, and lowering tells giza's branches from a `.. procedure::` by content.
    public static func byName(_ path: String) -> ProcedureFormat {
        path.hasSuffix(".yaml") || path.hasSuffix(".yml") ? .gizaYAML : .gizaRST
    }
}
