import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import Audit from '../../src/commands/audit.js'
import AuditMerge from '../../src/commands/audit/merge.js'
import { all, parseXml } from '../audit/xml-check.js'
import { runCommand } from '../helpers/run-command.js'

const SNAPSHOT = ['--snapshot', 'examples/demo-snapshot.json']
const dir = mkdtempSync(join(tmpdir(), 'denydoctor-merge-'))

/** Runs the example audit as `count` shards, each writing its JSON with --out; returns the files. */
async function shardFiles(count: number, prefix = 'shard'): Promise<string[]> {
  const files: string[] = []
  for (let k = 1; k <= count; k++) {
    const file = join(dir, `${prefix}-${k}-of-${count}.json`)
    const run = await runCommand(Audit, ['examples/audit.yaml', ...SNAPSHOT, '--shard', `${k}/${count}`, '--out', file, '--json'])
    expect(JSON.parse(run.stdout)).toEqual(JSON.parse(readFileSync(file, 'utf8')))
    files.push(file)
  }
  return files
}

const strip = (json: Record<string, unknown>) => ({ totals: json['totals'], expectations: json['expectations'], passed: json['passed'], audit: json['audit'], shard: json['shard'] })

describe('denydoctor audit merge', () => {
  it('joins the shards\' JSON into the unsharded result (totals and results), exit status 6', async () => {
    const whole = JSON.parse((await runCommand(Audit, ['examples/audit.yaml', ...SNAPSHOT, '--json'])).stdout)
    const files = await shardFiles(3)
    const merged = await runCommand(AuditMerge, [...files, '--json'])
    expect(merged.status).toBe(6)
    expect(strip(JSON.parse(merged.stdout))).toEqual(strip(whole))
  })

  it('renders the merge in any format, and writes JUnit', async () => {
    const files = await shardFiles(2, 'fmt')
    const junit = join(dir, 'merged.xml')
    const text = await runCommand(AuditMerge, [...files, '--no-color', '--junit', junit])
    expect(text.stdout.split('\n')[0]).toBe('AUDIT FAILED — 1 of 10 expectations did not hold')
    expect(all(parseXml(readFileSync(junit, 'utf8')), 'testcase')).toHaveLength(15)
    const md = await runCommand(AuditMerge, [...files, '--format', 'markdown'])
    expect(md.stdout.split('\n')[0]).toBe('# AUDIT FAILED — 1 of 10 expectations did not hold')
  })

  it('refuses results of different audit files, and overlapping shards, with a clear error', async () => {
    const [first] = await shardFiles(2, 'one')
    const other = join(dir, 'other.yaml')
    writeFileSync(other, readFileSync('examples/audit.yaml', 'utf8').replace('name: Demo organisation guardrails', 'name: Something else'))
    const otherShard = join(dir, 'other-2.json')
    await runCommand(Audit, [other, ...SNAPSHOT, '--shard', '2/2', '--out', otherShard])
    const different = await runCommand(AuditMerge, [first!, otherShard])
    expect(different.status).toBe(1)
    expect(different.stderr).toMatch(/^denydoctor: .*one-1-of-2\.json and .*other-2\.json are results of different audits \(examples\/audit\.yaml, sha256:[0-9a-f]{12}… and .*other\.yaml, sha256:[0-9a-f]{12}…\); only the shards of one audit file can be merged\.\n$/)
    const overlapping = await runCommand(AuditMerge, [first!, first!])
    expect(overlapping.status).toBe(1)
    expect(overlapping.stderr).toMatch(/^denydoctor: Shard 1\/2 is in both .* and .*; each shard must be given once\.\n$/)
  })

  it('refuses a missing shard unless --allow-missing-shards', async () => {
    const [first] = await shardFiles(2, 'partial')
    const refused = await runCommand(AuditMerge, [first!])
    expect(refused.status).toBe(1)
    expect(refused.stderr).toBe("denydoctor: The results cover shards 1 of 2; shard 2 is missing. Give every shard's result, or pass --allow-missing-shards to report on what there is.\n")
    const partial = await runCommand(AuditMerge, [first!, '--allow-missing-shards', '--json'])
    expect(JSON.parse(partial.stdout).shard).toEqual({ count: 2, indices: [1] })
  })

  it('refuses a file that is not an audit result', async () => {
    const verdict = join(dir, 'verdict.json')
    writeFileSync(verdict, '{"decision": "Allowed"}')
    const run = await runCommand(AuditMerge, [verdict])
    expect(run.status).toBe(1)
    expect(run.stderr).toBe(`denydoctor: ${verdict} is not a denydoctor audit result (the output of \`denydoctor audit --json\`): "format" is null (expected "denydoctor-audit-result").\n`)
  })
})
