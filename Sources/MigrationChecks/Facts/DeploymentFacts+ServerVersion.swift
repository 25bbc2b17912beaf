extension DeploymentFacts {
    /// The server's version from `buildInfo.version`, or from `buildInfo.versionArray` when the
    /// string is absent or unreadable.
    public func serverVersion() throws(MissingFact) -> ServerVersion {
        let buildInfo = try reply(.buildInfo)
        let text = buildInfo["version"]?.stringValue
        if let text, let version = ServerVersion(text) {
            return version
        }
        if let version = buildInfo["versionArray"]?.arrayValue.flatMap(Self.version(fromArray:)) {
            return version
        }
        if let text {
            throw MissingFact(
                fact: "buildInfo.version", reason: "buildInfo.version \"\(text)\" is not a MongoDB version")
        }
        throw MissingFact(fact: "buildInfo.version", reason: "buildInfo has no version string")
    }

    /// `[major, minor, patch, extra]`, where a negative `extra` marks a pre-release build.
    private static func version(fromArray array: [JSONValue]) -> ServerVersion? {
        let numbers = array.compactMap(\.intValue)
        guard numbers.count == array.count, numbers.count >= 3, numbers.prefix(3).allSatisfy({ $0 >= 0 }) else {
            return nil
        }
        let extra = numbers.count > 3 ? numbers[3] : 0
        return ServerVersion(major: numbers[0], minor: numbers[1], patch: numbers[2], suffix: extra < 0 ? "pre" : nil)
    }
}
