typealias FeatureContext = LanguageServer.Context
