import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { mergeResults } from '../../src/audit/merge.js'
import type { AuditResult } from '../../src/audit/result.js'
import { checkKey, parseShard, shardOf, stableHash } from '../../src/audit/shard.js'
import { auditText, comparable, EXAMPLE_AUDIT } from './helpers.js'

const text = readFileSync(EXAMPLE_AUDIT, 'utf8')
const whole = await auditText(text, { fileName: 'examples/audit.yaml' })

function keys(result: AuditResult): string[] {
  return result.expectations.flatMap((e) => e.checks.map((c) => checkKey(e.name, c.principal, c.action, c.resource)))
}

/** What a file round trip does to a result: `audit merge` reads the shards' JSON. */
const viaJson = (result: AuditResult): AuditResult => JSON.parse(JSON.stringify(result)) as AuditResult

async function shards(count: number): Promise<AuditResult[]> {
  return Promise.all(Array.from({ length: count }, (_, i) => auditText(text, { fileName: 'examples/audit.yaml', shard: { index: i + 1, count } })))
}

describe('splitting the checks between N runners', () => {
  it.each([1, 2, 3, 4, 5])('N = %i: the shards are disjoint, their union is the whole, and merging them gives the unsharded result', async (count) => {
    const parts = await shards(count)
    const all = parts.flatMap(keys)
    expect(new Set(all).size).toBe(all.length)
    expect([...all].sort()).toEqual([...keys(whole)].sort())
    for (const [i, part] of parts.entries()) {
      expect(part.shard).toEqual({ count, indices: [i + 1] })
      for (const key of keys(part)) expect(shardOf(key, count)).toBe(i + 1)
    }
    const merged = mergeResults(parts.map((result, i) => ({ file: `shard-${i + 1}.json`, result: viaJson(result) })), { allowMissingShards: false })
    expect(comparable(merged)).toEqual(comparable(whole))
    expect(merged.shard).toBeNull()
  })

  it('a shard reports the expectations it has no check of as not in this shard, and counts them apart', async () => {
    const [first] = await shards(5)
    const absent = first!.expectations.filter((e) => e.checks.length === 0)
    expect(absent.length).toBeGreaterThan(0)
    expect(absent.every((e) => e.status === 'not-in-shard')).toBe(true)
    expect(first!.totals.expectations.notInShard).toBe(absent.length)
    expect(first!.expectations.map((e) => e.checkCount)).toEqual(whole.expectations.map((e) => e.checkCount))
  })

  it('hashes with FNV-1a (the standard test vectors), so a check stays in its shard across versions and platforms', () => {
    expect(stableHash('')).toBe(0x811c9dc5)
    expect(stableHash('a')).toBe(0xe40c292c)
    expect(stableHash('foobar')).toBe(0xbf9cf968)
    expect(checkKey('e', 'arn:aws:iam::111111111111:role/A', 's3:GetObject', null)).toBe('["e","arn:aws:iam::111111111111:role/A","s3:GetObject",null]')
  })
})

describe('--shard K/N and --shard auto', () => {
  it('reads K/N, 1-based', () => {
    expect(parseShard(undefined, undefined, {})).toBeNull()
    expect(parseShard('2/5', undefined, {})).toEqual({ index: 2, count: 5 })
    expect(parseShard('1/1', '1', {})).toEqual({ index: 1, count: 1 })
  })

  it.each([
    ['0/3', undefined, '--shard 0/3: shard 0 does not exist among 3 (shards are numbered 1 to 3).'],
    ['4/3', undefined, '--shard 4/3: shard 4 does not exist among 3 (shards are numbered 1 to 3).'],
    ['2-3', undefined, '--shard "2-3" is not K/N (for example --shard 2/5) or auto.'],
    ['1/0', undefined, '--shard 1/0: the number of shards must be between 1 and 10000, not 0.'],
    ['2/3', '4', '--shard 2/3 and --shard-count 4 disagree on the number of shards.'],
    [undefined, '4', '--shard-count goes with --shard auto; for a fixed split write --shard K/N.'],
  ])('refuses --shard %s --shard-count %s', (flag, count, message) => {
    expect(() => parseShard(flag, count, {})).toThrow(message)
  })

  it('auto: AWS Batch array jobs, 0-based index, size from AWS_BATCH_JOB_ARRAY_SIZE or --shard-count', () => {
    expect(parseShard('auto', undefined, { AWS_BATCH_JOB_ARRAY_INDEX: '0', AWS_BATCH_JOB_ARRAY_SIZE: '4' })).toEqual({ index: 1, count: 4 })
    expect(parseShard('auto', '6', { AWS_BATCH_JOB_ARRAY_INDEX: '5', AWS_BATCH_JOB_ARRAY_SIZE: '4' })).toEqual({ index: 6, count: 6 })
    expect(() => parseShard('auto', undefined, { AWS_BATCH_JOB_ARRAY_INDEX: '3' })).toThrow('--shard auto found AWS_BATCH_JOB_ARRAY_INDEX but not the number of shards: pass --shard-count N (the array size).')
    expect(() => parseShard('auto', undefined, { AWS_BATCH_JOB_ARRAY_INDEX: '4', AWS_BATCH_JOB_ARRAY_SIZE: '4' })).toThrow('--shard auto (AWS_BATCH_JOB_ARRAY_INDEX=4): shard 5 does not exist among 4')
  })

  it('auto: Kubernetes Indexed Jobs, 0-based JOB_COMPLETION_INDEX, N from --shard-count', () => {
    expect(parseShard('auto', '3', { JOB_COMPLETION_INDEX: '2' })).toEqual({ index: 3, count: 3 })
    expect(() => parseShard('auto', undefined, { JOB_COMPLETION_INDEX: '2' })).toThrow('--shard auto found JOB_COMPLETION_INDEX (a Kubernetes Indexed Job) but not the number of shards')
    expect(() => parseShard('auto', '3', { JOB_COMPLETION_INDEX: 'two' })).toThrow('JOB_COMPLETION_INDEX must be a whole number, not "two".')
  })

  it('auto without either variable is a clear error', () => {
    expect(() => parseShard('auto', '3', {})).toThrow(
      "--shard auto needs the runner's index: AWS_BATCH_JOB_ARRAY_INDEX (an AWS Batch array job) or JOB_COMPLETION_INDEX (a Kubernetes Indexed Job) is not set. Elsewhere pass --shard K/N.",
    )
  })
})

describe('merging refuses what does not add up', () => {
  const inputs = async (count: number) => (await shards(count)).map((result, i) => ({ file: `s${i + 1}.json`, result }))

  it('results of different audit files', async () => {
    const [a, b] = await inputs(2)
    const other = await auditText(text.replace('name: Demo organisation guardrails', 'name: Another audit'), { fileName: 'other.yaml', shard: { index: 2, count: 2 } })
    expect(() => mergeResults([a!, { file: 'other.json', result: other }], { allowMissingShards: false })).toThrow(/^s1\.json and other\.json are results of different audits \(examples\/audit\.yaml, sha256:[0-9a-f]{12}… and other\.yaml, sha256:[0-9a-f]{12}…\); only the shards of one audit file can be merged\.$/)
    expect(mergeResults([a!, b!], { allowMissingShards: false }).shard).toBeNull()
  })

  it('overlapping shards, shards of different splits, a whole run with a shard', async () => {
    const [a, b] = await inputs(2)
    const [c] = await inputs(3)
    expect(() => mergeResults([a!, b!, { ...a!, file: 'again.json' }], { allowMissingShards: false })).toThrow('Shard 1/2 is in both s1.json and again.json; each shard must be given once.')
    expect(() => mergeResults([a!, c!], { allowMissingShards: false })).toThrow('s1.json is a shard of 2 and s1.json a shard of 3: shards of different splits overlap; merge the shards of one run only.')
    expect(() => mergeResults([{ file: 'whole.json', result: whole }, b!], { allowMissingShards: false })).toThrow('whole.json is the result of a whole (unsharded) run, which overlaps every other result given; merge the shards of one run only.')
  })

  it('missing shards, unless --allow-missing-shards (the result then says which it holds)', async () => {
    const [a, , c] = await inputs(3)
    expect(() => mergeResults([a!, c!], { allowMissingShards: false })).toThrow('The results cover shards 1, 3 of 3; shard 2 is missing. Give every shard\'s result, or pass --allow-missing-shards to report on what there is.')
    const partial = mergeResults([a!, c!], { allowMissingShards: true })
    expect(partial.shard).toEqual({ count: 3, indices: [1, 3] })
    expect(partial.totals.checks.total).toBe(a!.result.totals.checks.total + c!.result.totals.checks.total)
  })

  it('shards that saw different principals, or ran with different --allow-undetermined', async () => {
    const [a, b] = await inputs(2)
    const fewer = { ...b!.result, expectations: b!.result.expectations.map((e, i) => (i === 9 ? { ...e, checkCount: 4 } : e)) }
    expect(() => mergeResults([a!, { file: 's2.json', result: fewer }], { allowMissingShards: false })).toThrow(
      'The shards saw different principals for expectation "No role of Workloads reads the Data account\'s data lake": 5 checks in s1.json, 4 in s2.json (a role or user was added or removed between the runs); run every shard again.',
    )
    const lenient = { ...b!.result, options: { allowUndetermined: true } }
    expect(() => mergeResults([a!, { file: 's2.json', result: lenient }], { allowMissingShards: false })).toThrow('s1.json and s2.json were run with different --allow-undetermined settings')
  })
})
