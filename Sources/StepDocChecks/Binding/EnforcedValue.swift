/// A value a check enforces, which its documented step must state too, with where it is written in Swift.
///
/// Make one with ``minimumVersion(_:file:line:column:)``, ``roleSet(_:file:line:column:)``,
/// ``number(_:file:line:column:)`` or ``text(_:file:line:column:)``: each records the place of its own call,
/// so a parity note points at the value's literal (`.minimumVersion("2.6")`), not at the check.
///
/// A new kind of value is a new case of ``Kind``: its comparison in ``isStated(by:)``, its documented form,
/// and its key in the check manifest (`{"minimumVersion": …}`, `{"roleSet": […]}`, `{"number": N}`,
/// `{"text": …}`), so that every reader of manifests learns it at once.
public struct EnforcedValue: Sendable, Equatable {
    /// What is enforced.
    public enum Kind: Sendable, Equatable {
        /// The oldest version that passes; compared as versions (`2.6` equals `2.6.0`).
        case minimumVersion(Version)
        /// A set of names (roles the user must hold); order and repeats do not matter.
        case roleSet(Set<String>)
        /// A number; compared numerically (`3` equals `3.0`).
        case number(Double)
        /// Any other value, compared as text.
        case text(String)
    }

    public var kind: Kind
    /// Where the value is written: the first byte inside the parentheses of its call.
    public var declaration: Declaration

    public init(_ kind: Kind, declaration: Declaration) {
        self.kind = kind
        self.declaration = declaration
    }

    /// Swift's `#column` is the call's opening parenthesis; the value's literal starts right after it.
    private init(_ kind: Kind, file: String, line: Int, column: Int) {
        self.init(kind, declaration: Declaration(file: file, line: line, column: column + 1))
    }

    /// The oldest version that passes.
    public static func minimumVersion(
        _ version: Version, file: String = #filePath, line: Int = #line, column: Int = #column
    ) -> EnforcedValue {
        EnforcedValue(.minimumVersion(version), file: file, line: line, column: column)
    }

    /// The names a step must mention, compared as a set.
    public static func roleSet(
        _ roles: Set<String>, file: String = #filePath, line: Int = #line, column: Int = #column
    ) -> EnforcedValue {
        EnforcedValue(.roleSet(roles), file: file, line: line, column: column)
    }

    /// A number, compared numerically.
    public static func number(
        _ number: Double, file: String = #filePath, line: Int = #line, column: Int = #column
    ) -> EnforcedValue {
        EnforcedValue(.number(number), file: file, line: line, column: column)
    }

    /// Text, compared exactly.
    public static func text(
        _ text: String, file: String = #filePath, line: Int = #line, column: Int = #column
    ) -> EnforcedValue {
        EnforcedValue(.text(text), file: file, line: line, column: column)
    }
}

extension EnforcedValue {
    /// Whether the documentation states this value.
    ///
    /// `documented` is what the step says: one element for a title placeholder (`["2.6"]`), every
    /// mention for body role mentions (`["clusterMonitor", "backup"]`). Versions compare as versions
    /// (`2.6` equals `2.6.0`), sets as sets, numbers numerically (`1,000` equals `1000.0`), text exactly.
    public func isStated(by documented: [String]) -> Bool {
        switch kind {
        case .minimumVersion(let version):
            guard documented.count == 1, let stated = Version(documented[0]) else { return false }
            return stated == version
        case .roleSet(let roles):
            return Set(documented) == roles
        case .number(let number):
            guard documented.count == 1, let stated = Self.number(documented[0]) else { return false }
            return stated == number
        case .text(let text):
            return documented == [text]
        }
    }

    /// The value as documentation would write it: `2.6`, `backup, clusterMonitor` (sorted), `24`, `2.5`.
    public var documentedForm: String {
        switch kind {
        case .minimumVersion(let version): version.description
        case .roleSet(let roles): roles.sorted().joined(separator: ", ")
        case .number(let number): Self.text(of: number)
        case .text(let text): text
        }
    }

    /// A number as prose writes it: digits, an optional fraction, optional thousands commas (`10,000`).
    static func number(_ text: String) -> Double? {
        var digits = Substring(text)
        if digits.contains(",") {
            let whole = digits.prefix { $0 != "." }
            let groups = whole.split(separator: ",", omittingEmptySubsequences: false)
            guard let first = groups.first, (1...3).contains(first.count), groups.dropFirst().allSatisfy({ $0.count == 3 })
            else { return nil }
            digits = Substring(text.filter { $0 != "," })
        }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-") }) else {
            return nil
        }
        return Double(digits)
    }

    /// `24` for an integral number, `2.5` otherwise (the shortest text that reads back the same).
    static func text(of number: Double) -> String {
        if number.isFinite, number == number.rounded(), abs(number) < 1e15 {
            return String(Int64(number))
        }
        return String(number)
    }
}

extension EnforcedValue: CustomStringConvertible {
    public var description: String {
        switch kind {
        case .minimumVersion(let version): "minimum version \(version)"
        case .roleSet(let roles): "roles {\(roles.sorted().joined(separator: ", "))}"
        case .number(let number): "number \(Self.text(of: number))"
        case .text(let text): "\"\(text)\""
        }
    }
}
