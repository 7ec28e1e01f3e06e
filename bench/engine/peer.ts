/**
 * The peer, @cloud-copilot/iam-simulate (AGPL-3.0): imported from bench/ only, never from
 * src/ (test/bench/agpl-scan.test.ts checks). Turns a corpus case into its Simulation and its
 * answer into denydoctor's decision words.
 */
import { runSimulation, type RunSimulationResults, type Simulation } from '@cloud-copilot/iam-simulate'
import type { CorpusCase, NamedPolicy, PolicyDoc } from './case-file.js'

/** For the bench's other parts that time the peer (batch/): they reach it through this file only. */
export { runSimulation }

export type PeerDecision = 'Allowed' | 'ExplicitDeny' | 'ImplicitDeny' | 'Error'

/** iam-simulate's EvaluationResult (or its refusal) in denydoctor's words. */
export function peerDecision(result: RunSimulationResults): PeerDecision {
  if (result.resultType === 'error') return 'Error'
  switch (result.overallResult) {
    case 'Allowed':
      return 'Allowed'
    case 'ExplicitlyDenied':
      return 'ExplicitDeny'
    case 'ImplicitlyDenied':
      return 'ImplicitDeny'
  }
}

/**
 * The peer's pre-validated document (iam-policy's ValidatedPolicy: plain values by design, so
 * that callers can validate once and reuse). runSimulation then skips validation.
 */
interface Prevalidated {
  readonly __validated: true
  readonly policyDocument: PolicyDoc
  readonly errors: readonly never[]
}

type Document = PolicyDoc | Prevalidated

const RCP_FULL_ACCESS = 'RCPFullAWSAccess'

function named(policies: readonly NamedPolicy[], wrap: (d: PolicyDoc) => Document): { name: string; policy: Document }[] {
  // The peer reports errors by policy name, so names must be unique within a list.
  return policies.map((p, i) => ({ name: `${p.name}#${i}`, policy: wrap(p.document) }))
}

/** The peer's input for one case; `prevalidated` wraps each document as already validated. */
export function toSimulation(item: CorpusCase, prevalidated = false): Simulation {
  const cache = new Map<PolicyDoc, Prevalidated>()
  const wrap = (d: PolicyDoc): Document => {
    if (!prevalidated) return d
    let v = cache.get(d)
    if (!v) cache.set(d, (v = { __validated: true, policyDocument: d, errors: [] }))
    return v
  }
  const { request, policies, resourceAccount } = item.case
  return {
    request: {
      principal: request.principal,
      action: request.action,
      resource: { resource: request.resource, accountId: resourceAccount },
      contextVariables: request.context,
    },
    identityPolicies: named(policies.identity, wrap),
    serviceControlPolicies: policies.scps.map((level, i) => ({ orgIdentifier: item.scpLevelIds[i] ?? `level-${i}`, policies: named(level, wrap) })),
    // The peer attaches AWS's RCPFullAWSAccess at every level itself, and refuses it as input
    // (its validator allows only Deny statements in RCPs, as AWS does for customer RCPs).
    resourceControlPolicies: policies.rcps.map((level, i) => ({
      orgIdentifier: item.rcpLevelIds[i] ?? `level-${i}`,
      policies: named(level.filter((p) => p.name !== RCP_FULL_ACCESS), wrap),
    })),
    ...(policies.resource ? { resourcePolicy: wrap(policies.resource.document) } : {}),
    ...(policies.boundary ? { permissionBoundaryPolicies: named([policies.boundary], wrap) } : {}),
  }
}

export interface PeerAnswer {
  readonly decision: PeerDecision
  /** The peer's refusal message, or the context keys it dropped as not applying to the action. */
  readonly note: string | null
  readonly blockedBy: readonly string[]
}

export async function askPeer(simulation: Simulation): Promise<PeerAnswer> {
  const result = await runSimulation(simulation, {})
  const decision = peerDecision(result)
  if (result.resultType === 'error') return { decision, note: result.errors.message, blockedBy: [] }
  const single = result.resultType === 'single' ? result.result : result.results[0]
  const ignored = single?.ignoredContextKeys ?? []
  return {
    decision,
    note: ignored.length > 0 ? `ignored context keys: ${ignored.join(', ')}` : null,
    blockedBy: single?.analysis.blockedBy ?? [],
  }
}
