import Foundation
import Yams

/// A composite GitHub Action read from its `action.yml`: what the tests validate and run locally.
struct CompositeAction {
    struct Input {
        var description: String
        var defaultValue: String
        var required: Bool
    }

    struct Step {
        var name: String
        var id: String?
        var condition: String?
        var shell: String?
        var run: String?
        var uses: String?
        var with: [String: String]
        var env: [String: String]
        var workingDirectory: String?
    }

    var name: String
    var inputs: [String: Input]
    /// Output name → its value expression.
    var outputs: [String: String]
    var using: String
    var steps: [Step]

    struct Malformed: Error, CustomStringConvertible {
        var description: String
    }

    init(yaml: String) throws {
        guard let document = try Yams.load(yaml: yaml) as? [String: Any] else {
            throw Malformed(description: "action.yml is not a mapping")
        }
        name = document["name"] as? String ?? ""
        inputs = [:]
        for (key, value) in document["inputs"] as? [String: Any] ?? [:] {
            let input = value as? [String: Any] ?? [:]
            inputs[key] = Input(
                description: input["description"] as? String ?? "", defaultValue: Self.scalar(input["default"]) ?? "",
                required: input["required"] as? Bool ?? false)
        }
        outputs = [:]
        for (key, value) in document["outputs"] as? [String: Any] ?? [:] {
            outputs[key] = (value as? [String: Any])?["value"] as? String ?? ""
        }
        guard let runs = document["runs"] as? [String: Any] else { throw Malformed(description: "no runs:") }
        using = runs["using"] as? String ?? ""
        steps = []
        for (index, value) in (runs["steps"] as? [Any] ?? []).enumerated() {
            guard let step = value as? [String: Any] else { throw Malformed(description: "step \(index + 1)") }
            steps.append(
                Step(
                    name: step["name"] as? String ?? "", id: step["id"] as? String,
                    condition: Self.scalar(step["if"]), shell: step["shell"] as? String, run: step["run"] as? String,
                    uses: step["uses"] as? String, with: Self.strings(step["with"]), env: Self.strings(step["env"]),
                    workingDirectory: step["working-directory"] as? String))
        }
    }

    private static func scalar(_ value: Any?) -> String? {
        switch value {
        case let string as String: string
        case let bool as Bool: bool ? "true" : "false"
        case let int as Int: String(int)
        default: nil
        }
    }

    private static func strings(_ value: Any?) -> [String: String] {
        var result: [String: String] = [:]
        for (key, value) in value as? [String: Any] ?? [:] { result[key] = scalar(value) ?? "" }
        return result
    }

    /// Every `${{ … }}` in the action's text, for checks on the names they use.
    static func expressions(in text: String) -> [String] {
        var found: [String] = []
        var rest = Substring(text)
        while let open = rest.range(of: "${{"), let close = rest[open.upperBound...].range(of: "}}") {
            found.append(rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces))
            rest = rest[close.upperBound...]
        }
        return found
    }
}
