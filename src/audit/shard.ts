/**
 * Splitting an audit's checks between N runners: each check goes to the shard its stable
 * hash (expectation name, principal, action, resource) picks, so every runner computes the
 * same split without talking to the others, and a check stays in its shard from run to run.
 */
import { UserError } from '../user-error.js'

/** Shard `index` of `count`, 1-based (`--shard 2/5`). */
export interface Shard {
  readonly index: number
  readonly count: number
}

/** FNV-1a, 32 bits, over the UTF-8 bytes: small, stable across platforms and versions. */
export function stableHash(text: string): number {
  let hash = 0x811c9dc5
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return hash >>> 0
}

/** The identity of a check, stable across runs: what the shard hash and the baseline go by. */
export function checkKey(expectation: string, principal: string, action: string, resource: string | null): string {
  return JSON.stringify([expectation, principal, action, resource])
}

/** The 1-based shard of `count` that a check belongs to. */
export function shardOf(key: string, count: number): number {
  return (stableHash(key) % count) + 1
}

const MAX_SHARDS = 10_000

function positive(text: string, what: string): number {
  if (!/^\d+$/.test(text.trim())) throw new UserError(`${what} must be a whole number, not ${JSON.stringify(text)}.`, 2)
  return Number(text.trim())
}

function checked(index: number, count: number, source: string): Shard {
  if (count < 1 || count > MAX_SHARDS) throw new UserError(`${source}: the number of shards must be between 1 and ${MAX_SHARDS}, not ${count}.`, 2)
  if (index < 1 || index > count) throw new UserError(`${source}: shard ${index} does not exist among ${count} (shards are numbered 1 to ${count}).`, 2)
  return { index, count }
}

/**
 * `--shard K/N`, or `--shard auto`: K from AWS Batch array jobs (`AWS_BATCH_JOB_ARRAY_INDEX`,
 * 0-based, N from --shard-count or `AWS_BATCH_JOB_ARRAY_SIZE`) or Kubernetes Indexed Jobs
 * (`JOB_COMPLETION_INDEX`, 0-based, N from --shard-count).
 * https://docs.aws.amazon.com/batch/latest/userguide/job_env_vars.html
 * https://kubernetes.io/docs/tasks/job/indexed-parallel-processing-static/
 */
export function parseShard(flag: string | undefined, shardCount: string | undefined, env: Readonly<Record<string, string | undefined>>): Shard | null {
  if (flag === undefined) {
    if (shardCount !== undefined) throw new UserError('--shard-count goes with --shard auto; for a fixed split write --shard K/N.', 2)
    return null
  }
  if (flag !== 'auto') {
    const m = /^(\d+)\/(\d+)$/.exec(flag.trim())
    if (!m) throw new UserError(`--shard ${JSON.stringify(flag)} is not K/N (for example --shard 2/5) or auto.`, 2)
    const shard = checked(Number(m[1]), Number(m[2]), `--shard ${flag}`)
    if (shardCount !== undefined && positive(shardCount, '--shard-count') !== shard.count) {
      throw new UserError(`--shard ${flag} and --shard-count ${shardCount} disagree on the number of shards.`, 2)
    }
    return shard
  }
  const count = shardCount !== undefined ? positive(shardCount, '--shard-count') : null
  const batch = env['AWS_BATCH_JOB_ARRAY_INDEX']
  if (batch !== undefined && batch !== '') {
    const size = env['AWS_BATCH_JOB_ARRAY_SIZE']
    const n = count ?? (size !== undefined && size !== '' ? positive(size, 'AWS_BATCH_JOB_ARRAY_SIZE') : null)
    if (n === null) throw new UserError('--shard auto found AWS_BATCH_JOB_ARRAY_INDEX but not the number of shards: pass --shard-count N (the array size).', 2)
    return checked(positive(batch, 'AWS_BATCH_JOB_ARRAY_INDEX') + 1, n, `--shard auto (AWS_BATCH_JOB_ARRAY_INDEX=${batch})`)
  }
  const k8s = env['JOB_COMPLETION_INDEX']
  if (k8s !== undefined && k8s !== '') {
    if (count === null) throw new UserError('--shard auto found JOB_COMPLETION_INDEX (a Kubernetes Indexed Job) but not the number of shards: pass --shard-count N (the Job\'s completions).', 2)
    return checked(positive(k8s, 'JOB_COMPLETION_INDEX') + 1, count, `--shard auto (JOB_COMPLETION_INDEX=${k8s})`)
  }
  throw new UserError(
    '--shard auto needs the runner\'s index: AWS_BATCH_JOB_ARRAY_INDEX (an AWS Batch array job) or JOB_COMPLETION_INDEX (a Kubernetes Indexed Job) is not set. Elsewhere pass --shard K/N.',
    2,
  )
}

export function shardLabel(shard: Shard): string {
  return `${shard.index}/${shard.count}`
}
