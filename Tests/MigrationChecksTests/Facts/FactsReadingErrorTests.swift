import MigrationChecks
import StepDocTestSupport
import Testing

/// Facts that cannot be trusted are errors at their line and column, with the cause named: a key given
/// twice, a value of the wrong type, UTF-16 text, the shell's banner.
@Suite struct FactsReadingErrorTests {
    private func error(_ marked: MarkedSource) throws -> FactsError {
        try #require(throws: FactsError.self) { try DeploymentFacts(json: marked.bytes) }
    }

    /// Which of two versions counts would be a guess (`JSON.parse` takes the last): an error at the repeat.
    @Test func reportsADuplicateKeyAtItsSecondOccurrence() throws {
        let marked = MarkedSource(
            """
            {
              "buildInfo": {
                "version": "4.0.3",
                1️⃣"version": "2.4.0",
                "ok": 1
              }
            }
            """)
        let error = try error(marked)
        let position = try #require(marked.position)
        #expect(error.line == position.line && error.column == position.column, "\(error)")
        #expect(error.message == #"duplicate key "version" (first at 3:5)"#)
    }

    @Test func reportsADuplicateTopLevelKey() throws {
        let marked = MarkedSource(#"{"user": "a", "hello": {"ok": 1}, 1️⃣"user": "b"}"#)
        let error = try error(marked)
        #expect(error.column == marked.position?.column)
        #expect(error.message == #"duplicate key "user" (first at 1:2)"#)
    }

    @Test(
        arguments: [
            (#"{"errors": 1️⃣"boom"}"#, #""errors" must be a document of command name → message, found a string"#),
            (#"{"errors": {"hello": 1️⃣42}}"#, #""errors.hello" must be the command's error message (a string), found a number"#),
            (#"{"user": 1️⃣["migrator"]}"#, #""user" must be a string, found an array"#),
            (#"{"userDatabase": 1️⃣null}"#, #""userDatabase" must be a string, found null"#),
            (#"{"buildInfo": 1️⃣"4.0.3"}"#, #""buildInfo" must be the reply document of {buildInfo: 1}, found a string"#),
            (#"{"isMaster": 1️⃣[]}"#, #""isMaster" must be the reply document of {hello: 1}, found an array"#),
            (
                #"{"usersInfo": 1️⃣{"$date": 0}}"#,
                #""usersInfo" must be the reply document of {usersInfo: …, showPrivileges: true}, found a date"#
            ),
        ])
    func namesAWrongTypeByItsKey(source: String, message: String) throws {
        let marked = MarkedSource(source)
        let error = try error(marked)
        #expect(error.column == marked.position?.column, "\(error)")
        #expect(error.message == message)
    }

    @Test func acceptsErrorsGivenAsStringsOrReplyDocuments() throws {
        let facts = try DeploymentFacts(
            json: Array(#"{"errors": {"hello": "no such cmd: hello", "usersInfo": {"errmsg": "boom", "ok": 0}}}"#.utf8))
        #expect(facts.collectionErrors == ["hello": "no such cmd: hello", "usersInfo": "boom"])
    }

    /// PowerShell's `>` writes UTF-16 little-endian with a byte order mark; without one, every other byte is NUL.
    @Test(arguments: [true, false])
    func namesUTF16AndHowToSaveUTF8(byteOrderMark: Bool) throws {
        var bytes: [UInt8] = byteOrderMark ? [0xFF, 0xFE] : []
        for unit in #"{"user": "migrator"}"#.utf16 {
            bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        }
        let error = try #require(throws: FactsError.self) { try DeploymentFacts(json: bytes) }
        #expect(error.line == 1 && error.column == 1)
        #expect(error.message.hasPrefix("the document is UTF-16 (little-endian"), "\(error)")
        #expect(error.message.contains("PowerShell's `>` writes UTF-16"))
        #expect(error.message.contains("Out-File -Encoding utf8"))
    }

    @Test func namesTheShellBannerAndQuiet() throws {
        let text = """
            Current Mongosh Log ID:\t64f0c6a1e4b0a1b2c3d4e5f6
            Connecting to:\t\tmongodb://127.0.0.1:27017/?directConnection=true&serverSelectionTimeoutMS=2000
            Using MongoDB:\t\t6.0.8
            Using Mongosh:\t\t1.10.1
            {
              "user": "migrator"
            }
            """
        let error = try #require(throws: FactsError.self) { try DeploymentFacts(json: Array(text.utf8)) }
        #expect(error.line == 1 && error.column == 1)
        #expect(
            error.message
                == #"the facts begin with the mongo shell's banner ("Current Mongosh Log ID: …"), not with JSON: "#
                + "run mongosh with --quiet, or delete the lines before the opening '{'")
    }

    @Test func namesTheLegacyShellBanner() throws {
        let text = "MongoDB shell version v4.0.3\nconnecting to: mongodb://127.0.0.1:27017\n{\"user\": \"m\"}\n"
        let error = try #require(throws: FactsError.self) { try DeploymentFacts(json: Array(text.utf8)) }
        #expect(error.message.contains(#"("MongoDB shell version …")"#))
    }
}
