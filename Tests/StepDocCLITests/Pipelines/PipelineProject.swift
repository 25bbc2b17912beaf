import Foundation
import StepDocTestSupport

/// A repository in a temporary folder for the pipeline tests (the Action, the pre-commit hooks,
/// changed-lines mode): step files made from the seed, committed with real git.
struct PipelineProject {
    let folder: StepDocProcess
    var directory: URL { folder.directory }

    init() throws {
        folder = try StepDocProcess()
    }

    func remove() { folder.remove() }

    /// The seed as it ships: no findings.
    static var good: String {
        get throws { try String(contentsOf: Fixtures.seedFile(), encoding: .utf8) }
    }

    /// The seed with step 2's HTML body changed: one error (`steps.branches-agree`).
    static var withError: String {
        get throws {
            let text = try good
            guard let range = text.range(of: "Atlas supports the latest") else { return text }
            return text.replacingCharacters(in: range, with: "Atlas supports the newest")
        }
    }

    /// The seed with an unknown role in both branches of step 1: warnings only (`rst.unknown-role`).
    static var withWarning: String {
        get throws {
            try good.replacingOccurrences(
                of: "This guide focuses on migrating", with: "This guide :managa:`x` focuses on migrating")
        }
    }

    func write(_ text: String, to path: String) throws {
        try folder.write(Array(text.utf8), to: path)
    }

    func contents(of path: String) -> String? { folder.contents(of: path) }

    /// Runs git in the repository; fails the test with git's output when git fails.
    @discardableResult
    func git(_ arguments: String...) throws -> String {
        let (status, output) = try CompositeActionRunner.execute(
            ["/usr/bin/git"] + arguments, in: directory,
            environment: ProcessInfo.processInfo.environment.merging([
                "GIT_AUTHOR_NAME": "stepdoc", "GIT_AUTHOR_EMAIL": "stepdoc@example.invalid",
                "GIT_COMMITTER_NAME": "stepdoc", "GIT_COMMITTER_EMAIL": "stepdoc@example.invalid",
                "GIT_CONFIG_NOSYSTEM": "1", "HOME": directory.path,
            ]) { _, new in new })
        guard status == 0 else {
            throw CompositeAction.Malformed(description: "git \(arguments.joined(separator: " ")): \(output)")
        }
        return output
    }

    /// `git init` with one commit of everything written so far.
    func commitAll(_ message: String = "docs") throws {
        if !FileManager.default.fileExists(atPath: directory.appendingPathComponent(".git").path) {
            try git("init", "-q", "-b", "main")
        }
        try git("add", "-A")
        try git("commit", "-q", "-m", message)
    }
}
