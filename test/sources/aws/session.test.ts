import { describe, expect, it } from 'vitest'
import { PolicyInputError } from '../../../src/policy/index.js'
import { ACCOUNT, givenRole, mockAws, query } from './helpers.js'

const SESSION = `arn:aws:sts::${ACCOUNT}:assumed-role/Reader/ci-run`

describe('session policy', () => {
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies.html#policies_session
  it('parses --session-policy as a session policy attached to the session', async () => {
    const aws = mockAws()
    givenRole(aws, { name: 'Reader' })
    const text = JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'OnlyList', Effect: 'Allow', Action: 's3:ListBucket', Resource: '*' }] })
    const gathered = await aws.provider().gather(query(SESSION, { sessionPolicy: { name: 'scoped.json', text } }))
    expect(gathered.policies.session?.source).toEqual({
      type: 'session',
      name: 'scoped.json',
      arn: null,
      attachedTo: 'ci-run',
      origin: 'session policy `scoped.json`',
    })
    expect(gathered.policies.session?.policy.statements[0]?.sid).toBe('OnlyList')
    expect(gathered.incomplete).toEqual([])
  })

  it('has no session policy when none is given for a role session (none is the usual case)', async () => {
    const aws = mockAws()
    givenRole(aws, { name: 'Reader' })
    const gathered = await aws.provider().gather(query(SESSION))
    expect(gathered.policies.session).toBeNull()
    expect(gathered.incomplete).toEqual([])
  })

  it('rejects a session policy file that is not valid with the parser\'s error (line and column), not a gap', async () => {
    const aws = mockAws()
    givenRole(aws, { name: 'Reader' })
    const text = '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Allow" "Action": "*", "Resource": "*" }]\n}'
    const error = await aws.provider().gather(query(SESSION, { sessionPolicy: { name: 'bad.json', text } })).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(PolicyInputError)
    expect((error as PolicyInputError).line).toBe(3)
    // Bad input is found before anything is asked of AWS.
    expect(aws.operations()).toEqual([])
  })

  it('gives a federated user the session policy, with no gap about it', async () => {
    const aws = mockAws()
    const text = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] })
    const gathered = await aws.provider().gather(query(`arn:aws:sts::${ACCOUNT}:federated-user/bob`, { sessionPolicy: { name: 'fed.json', text } }))
    expect(gathered.policies.session?.source.attachedTo).toBe('bob')
    expect(gathered.incomplete.map((g) => g.source)).toEqual(['iam'])
  })
})
