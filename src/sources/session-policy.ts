import type { Policy, PrincipalInfo, SourcedPolicy } from '../model/index.js'
import { parsePolicy } from '../policy/index.js'
import type { PrincipalQuery } from './types.js'

/**
 * The session policy the user passed with --session-policy. It is their own file, so a bad
 * one is their error (PolicyInputError with line and column), raised before any AWS call.
 */
export function parseSessionPolicy(query: PrincipalQuery): { name: string; policy: Policy } | null {
  if (!query.sessionPolicy) return null
  const { name, text } = query.sessionPolicy
  return { name, policy: parsePolicy(text, { name, kind: 'session' }) }
}

/** The session policy as a source, attached to the session it limits (every source says the same). */
export function sessionPolicySource(parsed: { name: string; policy: Policy } | null, principal: PrincipalInfo): SourcedPolicy | null {
  if (!parsed) return null
  const { name, policy } = parsed
  return {
    source: { type: 'session', name, arn: null, attachedTo: principal.sessionName ?? principal.name, origin: `session policy \`${name}\`` },
    policy,
  }
}
