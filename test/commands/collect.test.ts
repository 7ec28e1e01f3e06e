import { existsSync } from 'node:fs'
import { mkdtemp, readdir, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts'
import { afterEach, describe, expect, it } from 'vitest'
import Collect from '../../src/commands/collect.js'
import { readSnapshot } from '../../src/sources/snapshot/file.js'
import { runCommand } from '../helpers/run-command.js'
import { fakeAws, useFakeEnvironment } from '../sources/aws/collect-setup.js'
import { PAYMENTS, world } from '../sources/aws/collect-world.js'
import { awsError } from '../sources/aws/helpers.js'

useFakeEnvironment()

async function outPath(name = 'snapshot.json'): Promise<string> {
  return join(await mkdtemp(join(tmpdir(), 'denydoctor-collect-cmd-')), name)
}

const stderrTTY = Object.getOwnPropertyDescriptor(process.stderr, 'isTTY')
function pretendStderrIsTerminal(): void {
  Object.defineProperty(process.stderr, 'isTTY', { value: true, configurable: true })
}
afterEach(() => {
  if (stderrTTY) Object.defineProperty(process.stderr, 'isTTY', stderrTTY)
  else delete (process.stderr as { isTTY?: boolean }).isTTY
})

describe('denydoctor collect', () => {
  it('writes the snapshot, prints a summary, lists the gaps on stderr and exits 7', async () => {
    fakeAws(world({ unreadableBucket: true }))
    const out = await outPath()
    const result = await runCommand(Collect, ['--out', out, '--region', 'us-east-1', '--region', 'eu-west-1'])
    expect(result.status).toBe(7)
    expect(result.stdout).toBe(
      [
        `Wrote ${out} (taken ${(await readSnapshot(out)).takenAt} by arn:aws:sts::${PAYMENTS}:assumed-role/Collector/alice).`,
        '  accounts       1',
        '  users          1',
        '  groups         2',
        '  roles          4',
        '  policies       4 managed policies, 2 SCPs, 2 RCPs',
        '  organization   o-prty111111: 3 OUs, 5 accounts',
        '  buckets        3',
        '  endpoints      3',
        '  gaps           1 (listed on stderr; every diagnosis from this snapshot carries them)',
        '',
      ].join('\n'),
    )
    expect(result.stderr).toMatch(/^denydoctor: the snapshot is incomplete \(1 gap\); no diagnosis from it can come out Allowed:\n {2}- s3:GetBucketPolicy on locked-bucket \(account 111111111111\) failed: AccessDenied: Access Denied\n {4}Bucket `locked-bucket` of account 111111111111 was left out/)
    expect((await stat(out)).mode & 0o777).toBe(0o600)
    const snapshot = await readSnapshot(out)
    expect(snapshot.accounts[0]!.buckets.map((b) => b.name)).toEqual(['examplebucket', 'payments-artifacts', 'payments-logs'])
  })

  it('--json prints the counts as one object, and draws no progress bar even on a terminal', async () => {
    fakeAws(world())
    pretendStderrIsTerminal()
    const out = await outPath('s.json.gz')
    const result = await runCommand(Collect, ['--out', out, '--region', 'us-east-1', '--json'])
    expect(result.status).toBe(0)
    expect(result.stderr).toBe('')
    const summary = JSON.parse(result.stdout)
    expect(summary).toEqual({
      file: out,
      takenAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      collectedBy: `arn:aws:sts::${PAYMENTS}:assumed-role/Collector/alice`,
      accounts: 1,
      accountsWithoutIam: 0,
      users: 1,
      groups: 2,
      roles: 4,
      managedPolicies: 4,
      organization: { id: 'o-prty111111', ous: 3, accounts: 5, scps: 2, rcps: 2 },
      buckets: 3,
      endpoints: 2,
      gaps: 0,
      incomplete: [],
      notes: [],
    })
    expect((await readSnapshot(out)).accounts).toHaveLength(1)
  })

  it('draws the progress bar (accounts, calls) on a terminal, and clears it', async () => {
    fakeAws(world())
    pretendStderrIsTerminal()
    const result = await runCommand(Collect, ['--out', await outPath(), '--region', 'us-east-1'])
    expect(result.status).toBe(0)
    expect(result.stderr).toContain('\r')
    expect(result.stderr).toMatch(/1\/1 account · \d+ AWS calls/)
    expect(result.stderr.endsWith('\r\x1b[K')).toBe(true)
  })

  it('--debug lists every AWS call on stderr instead of the progress bar', async () => {
    fakeAws(world())
    pretendStderrIsTerminal()
    const result = await runCommand(Collect, ['--out', await outPath(), '--region', 'us-east-1', '--debug'])
    expect(result.status).toBe(0)
    expect(result.stderr).toMatch(/^aws: ok {3}sts:GetCallerIdentity \d+ ms$/m)
    expect(result.stderr).toMatch(/^aws: ok {3}iam:GetAccountAuthorizationDetails \d+ ms$/m)
    expect(result.stderr).not.toContain('\r')
  })

  it('exits 1 and writes nothing when the credentials are rejected', async () => {
    const aws = fakeAws(world())
    aws.stubs.sts.on(GetCallerIdentityCommand).rejects(awsError('ExpiredToken', 'The security token included in the request is expired', 403))
    const out = await outPath()
    const result = await runCommand(Collect, ['--out', out, '--region', 'us-east-1'])
    expect(result.status).toBe(1)
    expect(result.stderr).toMatch(/^denydoctor: The AWS credentials of the default credentials .* are missing, expired or invalid \(ExpiredToken: /)
    expect(result.stderr).not.toMatch(/at .*\.ts:\d+/)
    expect(existsSync(out)).toBe(false)
    expect(await readdir(join(out, '..'))).toEqual([])
  })

  it('exits 1 before reading anything when the output directory does not exist', async () => {
    const aws = fakeAws(world())
    const result = await runCommand(Collect, ['--out', '/nonexistent-denydoctor/dir/s.json', '--region', 'us-east-1'])
    expect(result.status).toBe(1)
    expect(result.stderr).toBe('denydoctor: --out /nonexistent-denydoctor/dir/s.json: the directory /nonexistent-denydoctor/dir does not exist; create it first.\n')
    expect(aws.operations()).toEqual([])
  })

  it.each([
    [['--accounts', '12345'], '--accounts: `12345` is not a 12-digit AWS account ID.'],
    [['--all-accounts'], '--all-accounts needs --assume-role-name'],
    [['--accounts', PAYMENTS, '--all-accounts', '--assume-role-name', 'R'], '--accounts and --all-accounts cannot be used together'],
    [['--region', 'us-east-1', '--all-regions'], '--region and --all-regions cannot be used together.'],
    [['--region', 'US East'], '--region: `US East` is not an AWS region name'],
    [['--assume-role-name', 'Reader'], '--assume-role-name is used with --accounts or --all-accounts'],
    [['--accounts', PAYMENTS, '--assume-role-name', 'arn:aws:iam::1:role/R'], 'is not an IAM role name'],
    [['--concurrency', '0'], '--concurrency: `0` is not a whole number from 1 to 32 (accounts collected at once).'],
    [['--concurrency', 'many'], '--concurrency: `many` is not a whole number from 1 to 32'],
    [['--org-role-arn', 'Reader'], '--org-role-arn: `Reader` is not the ARN of an IAM role'],
  ])('refuses %j with exit status 2 and one clear line', async (argv, message) => {
    const aws = fakeAws(world())
    const result = await runCommand(Collect, ['--out', await outPath(), ...argv])
    expect(result.status).toBe(2)
    expect(result.stderr).toContain(message)
    expect(result.stderr).not.toMatch(/at .*\.ts:\d+/)
    expect(aws.operations()).toEqual([])
  })
})
