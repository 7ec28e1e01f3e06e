/**
 * A parsed policy's lint warnings, worked out when first read. Lint never changes how a policy
 * is evaluated, and most policies are only ever evaluated: linting every document on first
 * sight cost a fresh process as much as validating it. The warnings are an own enumerable
 * property like any other (JSON, spread and structured clone read them), computed by one
 * getter shared by every policy, then kept as a plain value.
 */
import type { Policy } from '../model/policy.js'
import { lint } from './lint.js'

interface LintInput {
  readonly name: string
  readonly bare: boolean
}

const pending = new WeakMap<object, LintInput>()
/** Warnings of a policy frozen before they were read (its getter cannot be replaced by the value). */
const settled = new WeakMap<object, readonly string[]>()

function readWarnings(this: Policy): readonly string[] {
  const kept = settled.get(this)
  if (kept) return kept
  const input = pending.get(this)
  const warnings = input ? lint(this, input.name, input.bare) : []
  // Reflect: false rather than a TypeError when the policy was frozen meanwhile.
  if (!Reflect.defineProperty(this, 'warnings', { value: warnings, enumerable: true, configurable: true, writable: true })) settled.set(this, warnings)
  pending.delete(this)
  return warnings
}

/** The policy (a fresh object from normalise), given `warnings` linted on first read, as `lint(policy, name, bare)` gives them. */
export function withLazyWarnings(policy: Omit<Policy, 'warnings'>, name: string, bare: boolean): Policy {
  const result = policy as Policy
  // Without "Version": "2012-10-17" lint reads the caller's own statement objects (policy
  // variables as literal text), which may have changed by the time warnings are read: such
  // rare policies are linted now. Every other check reads the policy's own copies.
  if (policy.version !== '2012-10-17') {
    Object.defineProperty(result, 'warnings', { value: lint(policy, name, bare), enumerable: true, configurable: true, writable: true })
    return result
  }
  pending.set(result, { name, bare })
  Object.defineProperty(result, 'warnings', { get: readWarnings, enumerable: true, configurable: true })
  return result
}
