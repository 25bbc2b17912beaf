// Templates look keys up through these switches rather than through reflection: reflection costs
// more than the rest of a page's rendering. Goldens cover every key the templates use.

extension PageContext: TemplateObject {
    public func templateValue(for name: String) -> TemplateValue? {
        switch name {
        case "title": .string(title)
        case "stylesheet": .string(stylesheet)
        case "source": .string(source)
        case "procedure": .object(procedure)
        case "extraBodyHTML": .string(extraBodyHTML)
        case "generator": .string(generator)
        case "siteRoot": .string(siteRoot)
        case "showsSource": .bool(showsSource)
        default: nil
        }
    }
}

extension ProcedureContext: TemplateObject {
    public func templateValue(for name: String) -> TemplateValue? {
        switch name {
        case "title": .string(title)
        case "source": .string(source)
        case "stepCount": .string(String(stepCount))
        case "steps": .list(steps.map { .object($0) })
        case "looseHTML": .string(looseHTML)
        case "hasLooseContent": .bool(hasLooseContent)
        default: nil
        }
    }
}

extension StepContext: TemplateObject {
    public func templateValue(for name: String) -> TemplateValue? {
        switch name {
        case "number": .string(number)
        case "anchor": .string(anchor)
        case "titleHTML": .string(titleHTML)
        case "bodyHTML": .string(bodyHTML)
        case "hasBody": .bool(hasBody)
        case "isOptional": .bool(isOptional)
        case "label": .string(label)
        case "hasLabel": .bool(hasLabel)
        case "position": .string(String(position))
        case "classes": .string(classes)
        default: nil
        }
    }
}
