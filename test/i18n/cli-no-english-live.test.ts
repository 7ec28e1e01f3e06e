/**
 * The sweep of cli-no-english.test.ts for live diagnoses against the fake AWS: what a
 * Japanese reader is told when Organizations refuses, when a bucket policy cannot be read,
 * when the principal does not exist and when the credentials have expired.
 */
import { describe, expect, it } from 'vitest'
import { awsError } from '../helpers/fake-aws.js'
import { isolateAwsEnvironment, principalLive, session } from '../commands/live-run.js'
import { W, workloadsWorld } from '../commands/seed-world.js'
import { englishSentences } from './english-sentences.js'

isolateAwsEnvironment()


const INSTANCE = `arn:aws:ec2:us-east-1:${W}:instance/*`

function english(run: { stdout: string; stderr: string }): string[] {
  return englishSentences(`${run.stdout}\n${run.stderr}`)
}

describe('live diagnoses in Japanese', () => {
  it('Organizations refuses: the gap in Japanese, AWS\'s message quoted', async () => {
    const world = workloadsWorld({ failures: { 'organizations:DescribeOrganization': awsError('AccessDeniedException', "You don't have permissions to access this resource.") } })
    const run = await principalLive(world, [session(W, 'CloudOps', 'bob'), '--action', 'ec2:RunInstances', '--resource', INSTANCE, '--lang', 'ja', '--wide'], { json: false })
    expect(run.status).toBe(5)
    expect(run.stdout).toContain('AWS のエラー AccessDeniedException: "You don\'t have permissions to access this resource."')
    expect(english(run)).toEqual([])
  })

  it('a bucket policy that cannot be read', async () => {
    const world = workloadsWorld({ failures: { 's3:GetBucketPolicy': awsError('AccessDenied', 'Access Denied', 403) } })
    const run = await principalLive(world, [session(W, 'TestReadOnly', 'alice'), '--action', 's3:GetObject', '--resource', 'arn:aws:s3:::examplebucket/x', '--lang', 'ja', '--wide'], { json: false })
    expect(run.stdout).toContain('AWS のエラー AccessDenied: "Access Denied"')
    expect(english(run)).toEqual([])
  })

  it('a role that does not exist', async () => {
    const run = await principalLive(workloadsWorld(), [`arn:aws:iam::${W}:role/NoSuchRole`, '--action', 'ec2:RunInstances', '--lang', 'ja'], { json: false })
    expect(run.status).toBe(1)
    expect(run.stderr).toMatch(/^denydoctor: IAM ロール `NoSuchRole` はアカウント 111111111111 に存在しません \(AWS のエラー NoSuchEntity: ".*"\)。ARN の名前を確認してください。\n$/)
  })

  it('expired credentials', async () => {
    const world = workloadsWorld({ failures: { 'sts:GetCallerIdentity': awsError('ExpiredToken', 'The security token included in the request is expired', 403) } })
    const run = await principalLive(world, [session(W, 'TestReadOnly', 'alice'), '--action', 'ec2:RunInstances', '--lang', 'ja'], { json: false })
    expect(run.status).toBe(1)
    expect(run.stderr).toContain('AWS 認証情報がないか、期限切れか、無効です')
    expect(english(run)).toEqual([])
  })
})
