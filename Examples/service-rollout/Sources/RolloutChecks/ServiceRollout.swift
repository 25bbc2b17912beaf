import StepDocChecks

/// The checks of `docs/service-rollout.rst`: one per documented step, on the facts a deploy job collects
/// (`facts/*.json`: the cluster's version, the deploy account's roles, the service's replica count).
public enum ServiceRollout {
    public static let id = "service-rollout"

    public static func suite(
        minimumVersion: EnforcedValue = .minimumVersion("1.29"),
        requiredRoles: EnforcedValue = .roleSet(["deployer", "viewer"]),
        minimumReplicas: EnforcedValue = .number(3)
    ) -> CheckSuite<JSONFacts> {
        guard case .minimumVersion(let version) = minimumVersion.kind,
            case .roleSet(let roles) = requiredRoles.kind,
            case .number(let replicas) = minimumReplicas.kind
        else {
            preconditionFailure("ServiceRollout.suite takes a version, a role set and a number")
        }
        return CheckSuite(
            id: id,
            title: "Service rollout",
            checks: [
                Check(
                    id: "cluster-version",
                    summary: "the cluster runs Kubernetes \(version) or newer",
                    title: "The cluster runs Kubernetes {version}+",
                    values: [
                        BoundValue(name: "minimum version", source: .titlePlaceholder("version"), enforced: minimumVersion)
                    ]
                ) { facts throws(MissingFact) in
                    let running = try facts.version("cluster.version")
                    guard running >= version else {
                        return .fail(
                            reason: "the cluster runs Kubernetes \(running), older than \(version)",
                            remedy: "upgrade the cluster to \(version) or newer first")
                    }
                    return .pass(detail: "Kubernetes \(running)")
                },
                Check(
                    id: "deploy-roles",
                    summary: "the deploy account holds the required roles",
                    title: "The deploy account holds the required roles.",
                    values: [
                        BoundValue(name: "required roles", source: .bodyRoleMentions(role: "k8srole"), enforced: requiredRoles)
                    ]
                ) { facts throws(MissingFact) in
                    let held = Set(try facts.strings("account.roles"))
                    let missing = roles.subtracting(held).sorted()
                    guard missing.isEmpty else {
                        return .fail(
                            reason: "the deploy account lacks \(missing.joined(separator: ", "))",
                            remedy: "bind the account to \(missing.joined(separator: " and "))")
                    }
                    return .pass(detail: "the account holds \(roles.sorted().joined(separator: ", "))")
                },
                Check(
                    id: "replicas",
                    summary: "the service runs enough replicas to roll one at a time",
                    title: "The service runs at least {count:number} replicas.",
                    values: [BoundValue(name: "replicas", source: .titlePlaceholder("count"), enforced: minimumReplicas)]
                ) { facts throws(MissingFact) in
                    let running = try facts.number("service.replicas")
                    guard running >= replicas else {
                        return .fail(
                            reason: "the service runs \(Int(running)) replicas, fewer than \(Int(replicas))",
                            remedy: "scale the service to \(Int(replicas)) replicas")
                    }
                    return .pass(detail: "\(Int(running)) replicas")
                },
            ])
    }
}
