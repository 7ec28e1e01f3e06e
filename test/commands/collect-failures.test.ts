import { DescribeOrganizationCommand, ListTargetsForPolicyCommand } from '@aws-sdk/client-organizations'
import { describe, expect, it } from 'vitest'
import Collect from '../../src/commands/collect.js'
import { readSnapshot } from '../../src/sources/snapshot/file.js'
import { runCommand } from '../helpers/run-command.js'
import { fakeAws, snapshotOutPath, useFakeEnvironment } from '../sources/aws/collect-setup.js'
import { world } from '../sources/aws/collect-world.js'
import { awsError } from '../sources/aws/helpers.js'

// `collect` says which call failed, on what, and what that leaves out; it gives advice about
// permissions only when AWS refused permission; and a snapshot written with gaps is exit 7.
useFakeEnvironment()

describe('collect: what failed', () => {
  it('names the call an endpoint does not support, gives no permission advice, and exits 7', async () => {
    const aws = fakeAws(world())
    // What an endpoint without AWS Organizations (LocalStack's free edition) answers.
    aws.stubs.organizations.on(DescribeOrganizationCommand).rejects(awsError('UnknownOperationException', 'UnknownError', 501))
    const out = await snapshotOutPath()
    const result = await runCommand(Collect, ['--out', out, '--region', 'us-east-1'])
    expect(result.status).toBe(7)
    expect(result.stdout).toContain(`Wrote ${out}`)
    expect(result.stderr).toContain('  - organizations:DescribeOrganization failed: UnknownOperationException: UnknownError\n')
    expect(result.stderr).toContain('The organization was not read with the caller\'s credentials, so no SCP or RCP is in the snapshot')
    expect(result.stderr).toContain('not about permission')
    expect(result.stderr).not.toMatch(/--org-profile|needs organizations:/)
    const snapshot = await readSnapshot(out)
    expect(snapshot.incomplete).toEqual([expect.objectContaining({ source: 'organizations', call: 'organizations:DescribeOrganization', error: 'UnknownOperationException: UnknownError' })])
  })

  it('names the policy whose targets could not be listed, and says what the reader needs when access is denied', async () => {
    const aws = fakeAws(world())
    aws.stubs.organizations.on(ListTargetsForPolicyCommand).rejects(awsError('AccessDeniedException', 'You don\'t have permissions to access this resource.'))
    const result = await runCommand(Collect, ['--out', await snapshotOutPath(), '--region', 'us-east-1', '--json'])
    expect(result.status).toBe(7)
    const summary = JSON.parse(result.stdout)
    expect(summary.gaps).toBe(1)
    expect(summary.incomplete[0]).toMatchObject({
      source: 'organizations',
      call: expect.stringMatching(/^organizations:ListTargetsForPolicy on p-\w+$/),
      effect: expect.stringContaining('run with --org-profile or --org-role-arn'),
    })
  })

  it('exits 0 when the snapshot is complete', async () => {
    fakeAws(world())
    const result = await runCommand(Collect, ['--out', await snapshotOutPath(), '--region', 'us-east-1'])
    expect(result.status).toBe(0)
    expect(result.stderr).toBe('')
  })
})
