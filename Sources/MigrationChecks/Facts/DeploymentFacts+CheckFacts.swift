/// Runners read the facts file they are given as deployment facts.
extension DeploymentFacts: CheckFacts {}
