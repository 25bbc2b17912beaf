import Mustache

// Templates look keys up through these switches rather than through reflection: Mirror costs more
// than the rest of a page's rendering. Goldens cover every key the templates use.

extension PageContext: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "stylesheet": stylesheet
        case "source": source
        case "procedure": procedure
        case "extraBodyHTML": extraBodyHTML
        case "generator": generator
        default: nil
        }
    }
}

extension ProcedureContext: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "source": source
        case "stepCount": stepCount
        case "steps": steps
        case "looseHTML": looseHTML
        case "hasLooseContent": hasLooseContent
        default: nil
        }
    }
}

extension StepContext: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "number": number
        case "anchor": anchor
        case "titleHTML": titleHTML
        case "bodyHTML": bodyHTML
        case "hasBody": hasBody
        case "isOptional": isOptional
        case "label": label
        case "hasLabel": hasLabel
        case "position": position
        case "classes": classes
        default: nil
        }
    }
}
