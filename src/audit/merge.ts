/**
 * `audit merge`: the JSON results of the shards of one audit joined into the result one
 * unsharded run would have given. Results of different audit files, of different splits,
 * overlapping shards, or shards that saw different principals are refused: a merged report
 * that double-counts or silently misses checks would be worse than none.
 */
import { UserError } from '../user-error.js'
import { finish, type AuditResult, type CheckResult, type ExpectationResult } from './result.js'

export interface MergeInput {
  /** The file the result was read from, for messages. */
  readonly file: string
  readonly result: AuditResult
}

export interface MergeOptions {
  /** Merge even when some shards' results are missing (the report then says which). */
  readonly allowMissingShards: boolean
}

function sameAudit(inputs: readonly MergeInput[]): void {
  const [first, ...rest] = inputs
  for (const other of rest) {
    if (other.result.audit.digest !== first!.result.audit.digest) {
      throw new UserError(
        `${first!.file} and ${other.file} are results of different audits (${first!.result.audit.file}, ${first!.result.audit.digest.slice(0, 19)}… and ${other.result.audit.file}, ${other.result.audit.digest.slice(0, 19)}…); only the shards of one audit file can be merged.`,
      )
    }
    if (other.result.options.allowUndetermined !== first!.result.options.allowUndetermined) {
      throw new UserError(`${first!.file} and ${other.file} were run with different --allow-undetermined settings, so their statuses do not add up; run every shard with the same flags.`)
    }
  }
}

/** The split every input shares, and the shards they cover; throws on overlaps. */
function shardsOf(inputs: readonly MergeInput[]): { count: number; covered: number[] } {
  const whole = inputs.find((i) => i.result.shard === null)
  if (whole && inputs.length > 1) {
    throw new UserError(`${whole.file} is the result of a whole (unsharded) run, which overlaps every other result given; merge the shards of one run only.`)
  }
  if (whole) return { count: 1, covered: [1] }
  const count = inputs[0]!.result.shard!.count
  const owner = new Map<number, string>()
  for (const { file, result } of inputs) {
    if (result.shard!.count !== count) {
      throw new UserError(`${inputs[0]!.file} is a shard of ${count} and ${file} a shard of ${result.shard!.count}: shards of different splits overlap; merge the shards of one run only.`)
    }
    for (const index of result.shard!.indices) {
      const earlier = owner.get(index)
      if (earlier !== undefined) throw new UserError(`Shard ${index}/${count} is in both ${earlier} and ${file}; each shard must be given once.`)
      owner.set(index, file)
    }
  }
  return { count, covered: [...owner.keys()].sort((a, b) => a - b) }
}

function mergeExpectation(index: number, inputs: readonly MergeInput[], complete: boolean): ExpectationResult {
  const first = inputs[0]!.result.expectations[index]!
  const checks: CheckResult[] = []
  const seen = new Map<number, string>()
  const errors = new Set<string>()
  for (const { file, result } of inputs) {
    const e = result.expectations[index]
    if (!e || e.name !== first.name) throw new UserError(`${file} does not list the expectations of ${inputs[0]!.file} in the same order, although both name the same audit; was the file edited by hand?`)
    if (e.checkCount !== first.checkCount) {
      throw new UserError(
        `The shards saw different principals for expectation ${JSON.stringify(first.name)}: ${first.checkCount} checks in ${inputs[0]!.file}, ${e.checkCount} in ${file} (a role or user was added or removed between the runs); run every shard again.`,
      )
    }
    for (const error of e.errors) errors.add(error)
    for (const check of e.checks) {
      const earlier = seen.get(check.index)
      if (earlier !== undefined) throw new UserError(`Check ${check.index + 1} of expectation ${JSON.stringify(first.name)} is in both ${earlier} and ${file}; the results overlap.`)
      seen.set(check.index, file)
      checks.push(check)
    }
  }
  if (complete && checks.length !== first.checkCount) {
    throw new UserError(`Expectation ${JSON.stringify(first.name)} has ${first.checkCount} checks, but the shards hold ${checks.length}: a result is truncated or was run with another version.`)
  }
  return { ...first, errors: [...errors], checks: checks.sort((a, b) => a.index - b.index) }
}

export function mergeResults(inputs: readonly MergeInput[], options: MergeOptions): AuditResult {
  if (inputs.length === 0) throw new UserError('Give the JSON results to merge: denydoctor audit merge shard-1.json shard-2.json …', 2)
  sameAudit(inputs)
  const { count, covered } = shardsOf(inputs)
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !covered.includes(i))
  if (missing.length && !options.allowMissingShards) {
    throw new UserError(
      `The results cover shards ${covered.join(', ')} of ${count}; shard${missing.length > 1 ? 's' : ''} ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} missing. Give every shard's result, or pass --allow-missing-shards to report on what there is.`,
    )
  }
  const first = inputs[0]!.result
  const sources = new Set(inputs.flatMap((i) => i.result.source.split('; ')))
  return finish({
    format: first.format,
    version: first.version,
    audit: first.audit,
    source: [...sources].sort().join('; '),
    ranAt: inputs.map((i) => i.result.ranAt).sort().at(-1)!,
    shard: missing.length ? { count, indices: covered } : null,
    options: first.options,
    expectations: first.expectations.map((_, i) => mergeExpectation(i, inputs, missing.length === 0)),
  })
}
