/**
 * `denydoctor explain` with the seed article's Japanese message: masked account filled in from
 * a snapshot (one account, or the named user in exactly one account), from --account, from the
 * live credentials' account (GetCallerIdentity), or a clear stop that says how to give it.
 * Seed: https://repost.aws/ja/knowledge-center/iam-explicit-deny-errors
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import Explain from '../../src/commands/explain.js'
import type { Verdict } from '../../src/model/index.js'
import { installFakeAws } from '../helpers/fake-aws.js'
import { runCommand } from '../helpers/run-command.js'
import { SEED_MESSAGE } from '../intake/japanese-messages.js'
import { deciding, isolateAwsEnvironment } from './live-run.js'
import { workloadsWorld } from './seed-world.js'

isolateAwsEnvironment()

const SNAPSHOT = ['--snapshot', 'examples/demo-snapshot.json']
type Explained = Verdict & { intake: Record<string, unknown> & { notes?: string[] }; error?: string }

async function explainJson(argv: string[]) {
  const result = await runCommand(Explain, [...argv, '--json'])
  return { ...result, json: JSON.parse(result.stdout) as Explained }
}

describe('explain: the seed message', () => {
  it('masked, with the demo snapshot: user tester is in one account only, so 111111111111 is filled in and said so', async () => {
    const { status, json } = await explainJson([SEED_MESSAGE, ...SNAPSHOT])
    expect(json.intake).toMatchObject({ principal: 'arn:aws:iam::111111111111:user/tester', action: 'ec2:RunInstances', reportedPolicyType: null })
    expect(json.intake.notes).toContainEqual(
      'The message masks the account ID as XXXXXXXX; it was filled in with 111111111111: user tester is in exactly one account of snapshot examples/demo-snapshot.json, 111111111111.',
    )
    expect(json.decision).toBe('ExplicitDeny')
    expect(deciding(json)).toBe('scp DenyRunInstances @ou-demo-prod11 #0 DenyRunInstancesExceptCloudOps')
    expect(status).toBe(3)
  })

  it('unmasked: the same verdict, and no account note', async () => {
    const { json } = await explainJson([SEED_MESSAGE.replace('XXXXXXXX', '111111111111'), ...SNAPSHOT])
    expect(json.decision).toBe('ExplicitDeny')
    expect(deciding(json)).toBe('scp DenyRunInstances @ou-demo-prod11 #0 DenyRunInstancesExceptCloudOps')
    expect(json.intake.notes?.some((n) => n.includes('XXXXXXXX'))).toBe(false)
  })

  it('--account fills the mask in, and says it came from --account', async () => {
    const { json } = await explainJson([SEED_MESSAGE, ...SNAPSHOT, '--account', '111111111111'])
    expect(json.intake.principal).toBe('arn:aws:iam::111111111111:user/tester')
    expect(json.intake.notes).toContainEqual(expect.stringContaining('filled in with 111111111111, given with --account'))
  })

  it('--account that is no account ID is refused (exit 2)', async () => {
    const result = await runCommand(Explain, [SEED_MESSAGE, ...SNAPSHOT, '--account', 'XXXXXXXX'])
    expect(result.status).toBe(2)
    expect(result.stderr).toContain('--account XXXXXXXX is not a 12-digit account ID')
  })

  it('a snapshot where the name is in two accounts: stops, saying why and how to give the account', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'denydoctor-ja-'))
    const snapshot = JSON.parse(readFileSync('examples/demo-snapshot.json', 'utf8')) as { accounts: { id: string; iam: { users: { arn: string }[] } | null }[] }
    const other = snapshot.accounts.find((a) => a.id === '222222222222')!
    const tester = snapshot.accounts.find((a) => a.id === '111111111111')!.iam!.users.find((u) => u.arn.endsWith('user/tester'))!
    other.iam!.users.push({ ...tester, arn: 'arn:aws:iam::222222222222:user/tester' })
    const file = join(dir, 'two-testers.json')
    writeFileSync(file, JSON.stringify(snapshot))
    const result = await runCommand(Explain, [SEED_MESSAGE, '--snapshot', file, '--json'])
    const json = JSON.parse(result.stdout) as { error: string }
    expect(json.error).toBe(
      `The message masks the caller's account ID as XXXXXXXX (arn:aws:iam::XXXXXXXX:user/tester), and denydoctor cannot tell which account it is (user tester is in 2 accounts of snapshot ${file} (111111111111, 222222222222)). Give the account with --account 123456789012, or paste the message with the real account ID.`,
    )
    expect(result.status).toBe(1)
  })

  it('live: the credentials\' account (GetCallerIdentity), said so', async () => {
    const aws = installFakeAws(workloadsWorld())
    const { json } = await explainJson([SEED_MESSAGE])
    expect(aws.operations()).toContain('sts:GetCallerIdentity')
    expect(json.intake.principal).toBe('arn:aws:iam::111111111111:user/tester')
    expect(json.intake.notes).toContainEqual(expect.stringContaining('filled in with 111111111111: the account of the credentials in use (GetCallerIdentity)'))
    expect(json.decision).toBe('ExplicitDeny')
  })
})
