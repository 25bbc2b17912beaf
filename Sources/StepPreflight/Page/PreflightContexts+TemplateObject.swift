import StepRender

// The preflight page's contexts answer the keys of `TemplateVocabulary.preflight…` through switches,
// as the page contexts do (no reflection); PreflightTemplateKeysTests holds the two equal.

extension PreflightPageContext: TemplateObject {
    public func templateValue(for key: String) -> TemplateValue? {
        switch key {
        case "title": .string(title)
        case "stylesheet": .string(stylesheet)
        case "generator": .string(generator)
        case "facts": .string(facts)
        case "passed": .bool(passed)
        case "procedures": .list(procedures.map { .object($0) })
        default: nil
        }
    }
}

extension PreflightProcedureContext: TemplateObject {
    public func templateValue(for key: String) -> TemplateValue? {
        switch key {
        case "title": .string(title)
        case "source": .string(source)
        case "suite": .string(suite)
        case "summary": .string(summary)
        case "passed": .bool(passed)
        case "results": .list(results.map { .object($0) })
        default: nil
        }
    }
}

extension PreflightResultContext: TemplateObject {
    public func templateValue(for key: String) -> TemplateValue? {
        switch key {
        case "status": .string(status)
        case "symbol": .string(symbol)
        case "statusLabel": .string(statusLabel)
        case "number": .string(number)
        case "hasNumber": .bool(hasNumber)
        case "title": .string(title)
        case "check": .string(check)
        case "hasCheck": .bool(hasCheck)
        case "reason": .string(reason)
        case "hasReason": .bool(hasReason)
        case "remedy": .string(remedy)
        case "hasRemedy": .bool(hasRemedy)
        case "detail": .string(detail)
        case "hasDetail": .bool(hasDetail)
        case "missingFact": .string(missingFact)
        case "hasMissingFact": .bool(hasMissingFact)
        case "bodyHTML": .string(bodyHTML)
        case "showsBody": .bool(showsBody)
        default: nil
        }
    }
}
