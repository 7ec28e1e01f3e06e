import { DescribeOrganizationCommand } from '@aws-sdk/client-organizations'
import { describe, expect, it } from 'vitest'
import Collect from '../../src/commands/collect.js'
import { runCommand } from '../helpers/run-command.js'
import { fakeAws, snapshotOutPath, useFakeEnvironment } from '../sources/aws/collect-setup.js'
import { world } from '../sources/aws/collect-world.js'
import { awsError } from '../sources/aws/helpers.js'

// `collect --lang ja`: the summary and the per-call failure lines in Japanese; the call, the
// account and AWS's own error stay as AWS gave them, and --json does not change.
useFakeEnvironment()

describe('collect --lang ja', () => {
  it('says what it wrote and which call failed in Japanese', async () => {
    const aws = fakeAws(world())
    aws.stubs.organizations.on(DescribeOrganizationCommand).rejects(awsError('UnknownOperationException', 'UnknownError', 501))
    const out = await snapshotOutPath()
    const result = await runCommand(Collect, ['--out', out, '--region', 'us-east-1', '--lang', 'ja'])
    expect(result.status).toBe(7)
    expect(result.stdout).toContain(`${out} に書き込みました (取得日時 `)
    expect(result.stdout).toMatch(/^ {2}アカウント {5}\d+/m)
    expect(result.stdout).toMatch(/^ {2}欠落 {11}1 \(標準エラー出力に一覧表示。/m)
    expect(result.stdout).not.toMatch(/Wrote|accounts|managed polic/)
    expect(result.stderr).toContain('denydoctor: スナップショットは不完全です (欠落 1 件)。このスナップショットからの診断が許可になることはありません:\n')
    expect(result.stderr).toContain('  - organizations:DescribeOrganization が失敗しました: AWS のエラー UnknownOperationException: "UnknownError"\n')
    // The gap's effect too, not only the line that names the call.
    expect(result.stderr).toContain('    組織は読み取っていません (呼び出し元の認証情報 を使用)。そのためスナップショットには SCP も RCP もなく')
  })

  it('--json is the same object whatever the language', async () => {
    fakeAws(world())
    const out = await snapshotOutPath()
    const ja = JSON.parse((await runCommand(Collect, ['--out', out, '--region', 'us-east-1', '--json', '--lang', 'ja'])).stdout) as Record<string, unknown>
    expect(ja).toMatchObject({ file: out, gaps: 0 })
    expect(Object.keys(ja)).toContain('managedPolicies')
  })
})
