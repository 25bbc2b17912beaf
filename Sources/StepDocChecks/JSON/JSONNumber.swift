/// A JSON number, kept in the form it was written in.
///
/// Equality is numeric: `.integer(1)`, `.double(1.0)` and `.decimal("1.0")` are equal, because
/// relaxed Extended JSON writes the double `1.0` as `1` while canonical Extended JSON writes
/// `{"$numberDouble": "1.0"}`, and both mean the same reply.
public enum JSONNumber: Sendable {
    /// An integer literal that fits 64 bits, a `$numberInt` or a `$numberLong`.
    case integer(Int64)
    /// A literal with a fraction or exponent, an integer too large for 64 bits, or a `$numberDouble`.
    case double(Double)
    /// A `$numberDecimal`, as its text (Decimal128 has no Swift standard-library counterpart).
    case decimal(String)
}

extension JSONNumber {
    /// The value as a `Double`, rounded when needed; a decimal whose text does not parse is NaN.
    public var doubleValue: Double {
        switch self {
        case .integer(let integer): Double(integer)
        case .double(let double): double
        case .decimal(let text): Self.decimalDouble(text) ?? .nan
        }
    }

    /// The value as an exact 64-bit integer, when it is integral and in range.
    public var exactInteger: Int64? {
        switch self {
        case .integer(let integer): integer
        case .double(let double): Int64(exactly: double)
        case .decimal(let text): Int64(text) ?? Self.decimalDouble(text).flatMap { Int64(exactly: $0) }
        }
    }

    private static func decimalDouble(_ text: String) -> Double? {
        switch text {
        case "Infinity", "+Infinity", "Inf", "+Inf": .infinity
        case "-Infinity", "-Inf": -.infinity
        case "NaN", "-NaN": .nan
        default: Double(text)
        }
    }
}

extension JSONNumber: Equatable {
    public static func == (lhs: JSONNumber, rhs: JSONNumber) -> Bool {
        switch (lhs, rhs) {
        case (.integer(let left), .integer(let right)):
            return left == right
        case (.decimal(let left), .decimal(let right)) where left == right:
            return true
        default:
            if let left = lhs.exactInteger, let right = rhs.exactInteger {
                return left == right
            }
            let left = lhs.doubleValue
            let right = rhs.doubleValue
            // Equatable must be reflexive, so NaN equals NaN here.
            return left == right || (left.isNaN && right.isNaN)
        }
    }
}

extension JSONNumber: CustomStringConvertible {
    public var description: String {
        switch self {
        case .integer(let integer): String(integer)
        case .double(let double): String(double)
        case .decimal(let text): text
        }
    }
}
