/**
 * `--context aws:ResourceAccount=ID` is the resource's account, as --resource-account is: the
 * sources read that account's RCPs and the evaluator applies the cross-account rules.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-resourceaccount
 */
import { describe, expect, it } from 'vitest'
import { buildQuery } from '../../src/cli/build-query.js'
import Principal from '../../src/commands/principal.js'
import type { Verdict } from '../../src/model/index.js'
import { resourceAccountInContext } from '../../src/sources/context-account.js'
import { runCommand } from '../helpers/run-command.js'

const TESTER = 'arn:aws:iam::111111111111:user/tester'
const BUCKET_OBJECT = 'arn:aws:s3:::someone-elses-bucket/x'

describe('aws:ResourceAccount given with --context', () => {
  it('becomes the query’s resource account; --resource-account still wins', async () => {
    const fromContext = await buildQuery(TESTER, 's3:GetObject', { resource: [BUCKET_OBJECT], context: ['aws:ResourceAccount=222222222222'] })
    expect(fromContext.resourceAccount).toBe('222222222222')
    const both = await buildQuery(TESTER, 's3:GetObject', { resource: [BUCKET_OBJECT], context: ['aws:resourceaccount=222222222222'], 'resource-account': '333333333333' })
    expect(both.resourceAccount).toBe('333333333333')
  })

  it('is ignored when it is not one 12-digit account', () => {
    expect(resourceAccountInContext([['aws:ResourceAccount', 'not-an-account']])).toBeNull()
    expect(resourceAccountInContext([['aws:ResourceAccount', '222222222222'], ['aws:ResourceAccount', '333333333333']])).toBeNull()
    expect(resourceAccountInContext([['aws:SourceAccount', '222222222222']])).toBeNull()
  })

  it('settles the account of a bucket the snapshot does not hold: no "pass --resource-account", and the request is cross-account', async () => {
    const result = await runCommand(Principal, [TESTER, '--action', 's3:GetObject', '--resource', BUCKET_OBJECT, '--context', 'aws:ResourceAccount=222222222222', '--snapshot', 'examples/demo-snapshot.json', '--json'])
    const verdict = JSON.parse(result.stdout) as Verdict
    expect(verdict.incomplete.map((gap) => gap.effect).join(' ')).not.toContain('pass --resource-account')
    expect(verdict.incomplete.map((gap) => gap.error)).toContain('bucket someone-elses-bucket is not in the snapshot')
    expect(verdict.request.context['aws:ResourceAccount']).toBe('222222222222')
    // The bucket policy was not read: across accounts its Allow is unknown, not missing.
    expect(verdict.decision).toBe('Undetermined')
  })
})
