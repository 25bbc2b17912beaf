import StepDocChecks
import StepDocTestSupport
import Testing

@Suite struct ExtendedJSONTests {
    private func parse(_ text: String) throws -> JSONValue {
        try JSONValue(parsing: Array(text.utf8))
    }

    @Test(arguments: [
        (#"{"$numberInt": "-42"}"#, JSONNumber.integer(-42)),
        (#"{"$numberLong": "6664378592187318273"}"#, .integer(6_664_378_592_187_318_273)),
        (#"{"$numberDouble": "1.0"}"#, .double(1)),
        (#"{"$numberDouble": "-1.5e3"}"#, .double(-1500)),
        (#"{"$numberDecimal": "1.10"}"#, .decimal("1.10")),
    ])
    func unwrapsNumericWrappersToNumbers(text: String, expected: JSONNumber) throws {
        let number = try #require(try parse(text).numberValue, "\(text) did not read as a number")
        #expect(number == expected)
        #expect(number.doubleValue == expected.doubleValue)
    }

    @Test func readsNonFiniteDoubles() throws {
        #expect(try parse(#"{"$numberDouble": "Infinity"}"#).numberValue?.doubleValue == .infinity)
        #expect(try parse(#"{"$numberDouble": "-Infinity"}"#).numberValue?.doubleValue == -.infinity)
        #expect(try parse(#"{"$numberDouble": "NaN"}"#).numberValue?.doubleValue.isNaN == true)
    }

    @Test func comparesNumbersByValueWhateverTheirForm() {
        #expect(JSONNumber.integer(1) == .double(1.0))
        #expect(JSONNumber.double(1.0) == .decimal("1.0"))
        #expect(JSONNumber.integer(1) != .double(1.5))
        #expect(JSONNumber.double(.nan) == .double(.nan))
        #expect(JSONNumber.integer(.max) != .integer(.max - 1))
    }

    @Test func readsCanonicalRelaxedAndLegacyDatesAsTheSameInstant() throws {
        let instant = JSONValue.date(millisecondsSinceEpoch: 1_551_787_207_412)
        #expect(try parse(#"{"$date": {"$numberLong": "1551787207412"}}"#) == instant)
        #expect(try parse(#"{"$date": "2019-03-05T12:00:07.412Z"}"#) == instant)
        #expect(try parse(#"{"$date": "2019-03-05T13:30:07.412+01:30"}"#) == instant)
        #expect(try parse(#"{"$date": "2019-03-05T11:00:07.4123-0100"}"#) == instant)
        #expect(try parse(#"{"$date": 1551787207412}"#) == instant)
        #expect(try parse(#"{"$date": "1970-01-01T00:00:00Z"}"#) == .date(millisecondsSinceEpoch: 0))
        #expect(try parse(#"{"$date": "1969-12-31T23:59:59.9Z"}"#) == .date(millisecondsSinceEpoch: -100))
        #expect(try parse(#"{"$date": "2000-02-29T00:00:00Z"}"#) == .date(millisecondsSinceEpoch: 951_782_400_000))
    }

    @Test func readsTheOtherBSONWrappers() throws {
        #expect(try parse(#"{"$oid": "7fffffff0000000000000004"}"#) == .objectID("7fffffff0000000000000004"))
        #expect(
            try parse(#"{"$timestamp": {"t": 1551787205, "i": 3}}"#) == .timestamp(seconds: 1_551_787_205, increment: 3)
        )
        #expect(
            try parse(#"{"$binary": {"base64": "AQI=", "subType": "04"}}"#) == .binary(base64: "AQI=", subtype: 4))
        #expect(try parse(#"{"$binary": "AQI=", "$type": "80"}"#) == .binary(base64: "AQI=", subtype: 0x80))
        #expect(
            try parse(#"{"$regularExpression": {"pattern": "^a", "options": "i"}}"#)
                == .regularExpression(pattern: "^a", options: "i"))
        #expect(try parse(#"{"$options": "i", "$regex": "^a"}"#) == .regularExpression(pattern: "^a", options: "i"))
        #expect(try parse(#"{"$minKey": 1}"#) == .minKey)
        #expect(try parse(#"{"$maxKey": 1}"#) == .maxKey)
    }

    @Test func leavesObjectsThatAreNotExactlyAWrapperAlone() throws {
        let clusterTime = try parse(#"{"$clusterTime": {"clusterTime": {"$timestamp": {"t": 1, "i": 2}}}}"#)
        #expect(clusterTime["$clusterTime"]?["clusterTime"] == .timestamp(seconds: 1, increment: 2))
        let extraKey = try parse(#"{"$numberInt": "1", "other": 2}"#)
        #expect(extraKey.objectValue?.keys == ["$numberInt", "other"])
        let queryOperator = try parse(
            #"{"$regex": {"$regularExpression": {"pattern": "a", "options": ""}}, "$options": "i"}"#)
        #expect(queryOperator.objectValue?.keys == ["$regex", "$options"])
        #expect(try parse(#"{"$code": "function () {}"}"#).objectValue?.keys == ["$code"])
    }

    @Test(arguments: [
        (#"[1, 1️⃣{"$numberInt": "2147483648"}]"#, #"invalid $numberInt value "2147483648", expected a 32-bit integer"#),
        (#"1️⃣{"$numberInt": 1}"#, "$numberInt value must be a string, found a number"),
        (#"1️⃣{"$numberLong": "1.5"}"#, #"invalid $numberLong value "1.5", expected a 64-bit integer"#),
        (#"1️⃣{"$numberDouble": "inf"}"#, #"invalid $numberDouble value "inf""#),
        (#"1️⃣{"$numberDecimal": "0x10"}"#, #"invalid $numberDecimal value "0x10""#),
        (#"1️⃣{"$oid": "xyz"}"#, #"invalid $oid value "xyz", expected 24 hexadecimal digits"#),
        (
            #"1️⃣{"$date": "2019-02-29T00:00:00Z"}"#,
            #"invalid $date value "2019-02-29T00:00:00Z", expected an ISO-8601 date and time"#
        ),
        (#"1️⃣{"$date": "2019-03-05"}"#, #"invalid $date value "2019-03-05", expected an ISO-8601 date and time"#),
        (#"1️⃣{"$date": true}"#, "invalid $date value, found a Boolean"),
        (#"1️⃣{"$timestamp": {"t": -1, "i": 0}}"#, #"invalid $timestamp value, expected {"t": seconds, "i": increment}"#),
        (
            #"1️⃣{"$binary": {"base64": "AQI=", "subType": "100"}}"#,
            #"invalid $binary value, expected {"base64": text, "subType": hex}"#
        ),
    ])
    func reportsAMalformedWrapperAtItsOpeningBrace(marked: String, message: String) throws {
        let input = MarkedSource(marked)
        let expected = try #require(input.position)
        let error = try #require(throws: JSONSyntaxError.self) { try JSONValue(parsing: input.bytes) }
        #expect(error.message == message)
        #expect(error.line == expected.line && error.column == expected.column, "got \(error)")
    }
}
