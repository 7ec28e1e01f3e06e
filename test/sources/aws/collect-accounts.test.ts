import { describe, expect, it, vi } from 'vitest'
import { collectSnapshot, type AccountProgress } from '../../../src/sources/aws/collect.js'
import { sharedUntilExpiry, type Credentials } from '../../../src/sources/aws/collect-accounts.js'
import { SourceError } from '../../../src/sources/errors.js'
import { validateSnapshot } from '../../../src/sources/snapshot/validate.js'
import { clock, expectSchemaValid, fakeAws, fakeRoles, useFakeEnvironment } from './collect-setup.js'
import { DATA, MANAGEMENT, PAYMENTS, SANDBOX, SUSPENDED, world } from './collect-world.js'

useFakeEnvironment()

describe('collect: several accounts', () => {
  it('reaches each account through the named role; one that cannot be assumed becomes a gap and the others go on', async () => {
    fakeAws(world())
    const assumed: string[] = []
    const progress: AccountProgress[] = []
    const calls: string[] = []
    const { snapshot } = await collectSnapshot({
      clock,
      regions: ['us-east-1', 'us-west-2'],
      accounts: { kind: 'list', ids: [PAYMENTS, SANDBOX, DATA] },
      assumeRoleName: 'DenydoctorReader',
      roleCredentials: fakeRoles([SANDBOX], assumed),
      onAccount: (p) => progress.push(p),
      onCall: (c) => calls.push(`${c.service}:${c.operation}:${c.ok}`),
    })
    // The caller's own account is read with its own credentials; the others through the role.
    expect(assumed.sort()).toEqual([`arn:aws:iam::${DATA}:role/DenydoctorReader`, `arn:aws:iam::${SANDBOX}:role/DenydoctorReader`])
    expect(snapshot.accounts.map((a) => a.id)).toEqual([PAYMENTS, SANDBOX, DATA])
    expect(snapshot.accounts[1]).toEqual({ id: SANDBOX, iam: null, buckets: [], vpcEndpoints: [] })
    const data = snapshot.accounts[2]!
    expect(data.iam!.roles.map((r) => r.arn)).toEqual([`arn:aws:iam::${DATA}:role/DataLakeAdmin`])
    expect(data.buckets).toEqual([{ name: 'data-lake-222', region: 'us-west-2', policy: null }])
    expect(data.vpcEndpoints.map((e) => e.id)).toEqual(['vpce-44444444'])
    expect(snapshot.accounts[0]!.iam!.users.map((u) => u.userName)).toEqual(['tester'])
    expect(snapshot.incomplete).toEqual([
      {
        source: 'sts',
        error: `AccessDenied: User: arn:aws:sts::111111111111:assumed-role/Collector/alice is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::${SANDBOX}:role/DenydoctorReader`,
        effect: `Account ${SANDBOX} was not collected: role \`arn:aws:iam::${SANDBOX}:role/DenydoctorReader\` could not be assumed, so none of its principals, buckets or endpoints is in the snapshot; its trust policy must let arn:aws:sts::${PAYMENTS}:assumed-role/Collector/alice in, and the caller needs sts:AssumeRole on it.`,
        account: SANDBOX,
        call: `sts:AssumeRole on arn:aws:iam::${SANDBOX}:role/DenydoctorReader`,
      },
    ])
    expect(progress.map((p) => `${p.done}/${p.total}`)).toEqual(['1/3', '2/3', '3/3'])
    expect(calls).toContain('sts:AssumeRole:false')
    expect(calls).toContain('sts:AssumeRole:true')
    expect(() => validateSnapshot(JSON.parse(JSON.stringify(snapshot)), 'x')).not.toThrow()
    expectSchemaValid(JSON.parse(JSON.stringify(snapshot)))
  })

  it('--all-accounts takes the organization\'s active accounts, sorted, and says which it passed over', async () => {
    fakeAws(world())
    const assumed: string[] = []
    const { snapshot, notes } = await collectSnapshot({ clock, regions: ['us-east-1'], accounts: { kind: 'all' }, assumeRoleName: 'OrganizationAccountAccessRole', roleCredentials: fakeRoles([], assumed) })
    expect(snapshot.accounts.map((a) => a.id)).toEqual([PAYMENTS, DATA, SANDBOX, MANAGEMENT])
    expect(assumed).toHaveLength(3)
    expect(notes).toEqual([`account ${SUSPENDED} (Old) was not collected: it is suspended`])
    expect(snapshot.incomplete).toEqual([])
  })

  it('collects no more accounts at once than --concurrency', async () => {
    fakeAws(world())
    let running = 0
    let most = 0
    const roles = fakeRoles()
    const { snapshot } = await collectSnapshot({
      clock,
      regions: ['us-east-1'],
      accounts: { kind: 'all' },
      assumeRoleName: 'Reader',
      concurrency: 2,
      roleCredentials: (arn) => {
        const provider = roles(arn)
        let first = true
        return (async () => {
          // The first request for an account's credentials is collect reaching it.
          if (first) {
            first = false
            running++
            most = Math.max(most, running)
            await new Promise((resolve) => setTimeout(resolve, 5))
          }
          return provider()
        }) as typeof provider
      },
      onAccount: (p) => {
        if (p.accountId !== PAYMENTS) running--
      },
    })
    expect(snapshot.accounts).toHaveLength(4)
    expect(most).toBeLessThanOrEqual(2)
    expect(most).toBeGreaterThan(0)
  })

  it('refuses other accounts without --assume-role-name, before reading any of them', async () => {
    const aws = fakeAws(world())
    const run = collectSnapshot({ clock, regions: ['us-east-1'], accounts: { kind: 'list', ids: [PAYMENTS, DATA] } })
    await expect(run).rejects.toThrow(SourceError)
    await expect(run).rejects.toThrow(`Account ${DATA} cannot be read with the credentials of account ${PAYMENTS}; pass --assume-role-name`)
    expect(aws.operations().filter((op) => op.startsWith('iam:'))).toEqual([])
  })

  it('--all-accounts without a readable organization is an error naming the fix', async () => {
    fakeAws(world({ organizationDenied: true }))
    const run = collectSnapshot({ clock, regions: ['us-east-1'], accounts: { kind: 'all' }, assumeRoleName: 'Reader', roleCredentials: fakeRoles() })
    await expect(run).rejects.toThrow(/--all-accounts needs the organization's list of accounts, but it was not read \(AccessDeniedException: .*\); pass --org-profile or --org-role-arn/)
  })
})

describe('collect: the organization', () => {
  it('AccessDenied leaves organization null, with a gap naming the flags and permissions that fix it', async () => {
    fakeAws(world({ organizationDenied: true }))
    const { snapshot } = await collectSnapshot({ clock, regions: ['us-east-1'] })
    expect(snapshot.organization).toBeNull()
    expect(snapshot.incomplete).toHaveLength(1)
    expect(snapshot.incomplete[0]).toMatchObject({ source: 'organizations', error: expect.stringMatching(/^AccessDeniedException/) })
    expect(snapshot.incomplete[0]!.effect).toMatch(/^The organization o-prty111111 was not read with the caller's credentials, so no SCP or RCP is in the snapshot/)
    expect(snapshot.incomplete[0]!.effect).toMatch(/--org-profile or --org-role-arn .*organizations:DescribeOrganization, ListRoots, ListOrganizationalUnitsForParent, ListAccountsForParent, ListPolicies, DescribePolicy and ListTargetsForPolicy/)
    // IAM and the rest are still collected.
    expect(snapshot.accounts[0]!.iam!.roles).toHaveLength(4)
  })

  it('an account in no organization: organization null, no gap, and the account recorded as in none', async () => {
    fakeAws(world({ noOrganization: true }))
    const { snapshot } = await collectSnapshot({ clock, regions: ['us-east-1'] })
    expect(snapshot.organization).toBeNull()
    expect(snapshot.incomplete).toEqual([])
    expect(snapshot.accounts.map((a) => a.organizationMembership)).toEqual(['none'])
  })

  it('an account outside the organization that was read is a gap: its SCPs would otherwise vanish', async () => {
    const w = world()
    const organization = { ...w.organization!, accounts: w.organization!.accounts.filter((a) => a.id !== DATA) }
    // DATA still answers DescribeOrganization with the organization (as a member of another would).
    const fake = fakeAws({ ...w, organization })
    fake.stubs.organizations.on((await import('@aws-sdk/client-organizations')).DescribeOrganizationCommand).callsFake(async (_input: unknown, getClient: () => { config: { credentials: () => Promise<{ accessKeyId: string }> } }) => {
      const key = (await getClient().config.credentials()).accessKeyId
      return { Organization: { Id: key === `ASIA${DATA}` ? 'o-other22222' : 'o-prty111111', MasterAccountId: MANAGEMENT } }
    })
    const { snapshot } = await collectSnapshot({ clock, regions: ['us-east-1'], accounts: { kind: 'list', ids: [PAYMENTS, DATA] }, assumeRoleName: 'Reader', roleCredentials: fakeRoles() })
    expect(snapshot.incomplete).toEqual([
      {
        source: 'organizations',
        error: `account ${DATA} is in organization o-other22222, but organization o-prty111111, which was read, does not list it`,
        effect: expect.stringMatching(new RegExp(`^The SCPs and RCPs that govern account ${DATA} are not in the snapshot`)),
        // Carried only into diagnoses that touch that account.
        account: DATA,
      },
    ])
    // What was learned is kept, so an offline diagnosis knows aws:PrincipalOrgID of that account.
    expect(snapshot.accounts.find((a) => a.id === DATA)!.organizationMembership).toEqual({ id: 'o-other22222', managementAccountId: MANAGEMENT })
    expect(snapshot.accounts.find((a) => a.id === PAYMENTS)!.organizationMembership).toBeUndefined()
  })

  it('an account in no organization (AWSOrganizationsNotInUseException) is recorded as such, without a gap', async () => {
    // https://docs.aws.amazon.com/organizations/latest/APIReference/API_DescribeOrganization.html
    const w = world()
    const organization = { ...w.organization!, accounts: w.organization!.accounts.filter((a) => a.id !== DATA) }
    const fake = fakeAws({ ...w, organization })
    const { DescribeOrganizationCommand } = await import('@aws-sdk/client-organizations')
    fake.stubs.organizations.on(DescribeOrganizationCommand).callsFake(async (_input: unknown, getClient: () => { config: { credentials: () => Promise<{ accessKeyId: string }> } }) => {
      const key = (await getClient().config.credentials()).accessKeyId
      if (key === `ASIA${DATA}`) throw Object.assign(new Error('Your account is not a member of an organization.'), { name: 'AWSOrganizationsNotInUseException', $metadata: { httpStatusCode: 400 } })
      return { Organization: { Id: 'o-prty111111', MasterAccountId: MANAGEMENT } }
    })
    const { snapshot } = await collectSnapshot({ clock, regions: ['us-east-1'], accounts: { kind: 'list', ids: [PAYMENTS, DATA] }, assumeRoleName: 'Reader', roleCredentials: fakeRoles() })
    expect(snapshot.incomplete).toEqual([])
    expect(snapshot.accounts.find((a) => a.id === DATA)!.organizationMembership).toBe('none')
  })
})

describe('sharedUntilExpiry', () => {
  it('assumes once for every client of the account, and again shortly before the credentials expire', async () => {
    let now = 0
    let calls = 0
    const provider = sharedUntilExpiry(
      (async (): Promise<Credentials> => {
        calls++
        return { accessKeyId: `ASIA${calls}`, secretAccessKey: 's', expiration: new Date(now + 3_600_000) }
      }) as Parameters<typeof sharedUntilExpiry>[0],
      () => now,
    )
    await Promise.all([provider(), provider(), provider()])
    expect(calls).toBe(1)
    now = 3_600_000 - 6 * 60_000
    expect((await provider()).accessKeyId).toBe('ASIA1')
    now = 3_600_000 - 4 * 60_000
    expect((await provider()).accessKeyId).toBe('ASIA2')
    expect(calls).toBe(2)
  })
})

describe('collect: a separate organization reader', () => {
  async function credentialsFile(): Promise<string> {
    const { mkdtemp, writeFile } = await import('node:fs/promises')
    const { tmpdir } = await import('node:os')
    const { join } = await import('node:path')
    const file = join(await mkdtemp(join(tmpdir(), 'denydoctor-creds-')), 'credentials')
    await writeFile(file, '[management]\naws_access_key_id = AKIAMANAGEMENT000001\naws_secret_access_key = test\n')
    return file
  }

  it('--org-profile reads Organizations with that profile, and everything else with the caller\'s credentials', async () => {
    vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', await credentialsFile())
    const aws = fakeAws(world())
    const { snapshot } = await collectSnapshot({ clock, regions: ['us-east-1'], orgProfile: 'management' })
    expect(snapshot.organization?.id).toBe('o-prty111111')
    const keys = (service: RegExp) => new Set(aws.signedWith.filter((s) => service.test(s)).map((s) => s.split(' ')[1]))
    expect(keys(/^(DescribeOrganization|ListRoots|ListOrganizationalUnitsForParent|ListAccountsForParent|ListPolicies|DescribePolicy|ListTargetsForPolicy) /)).toEqual(new Set(['AKIAMANAGEMENT000001']))
    expect(keys(/^(GetAccountAuthorizationDetails|ListBuckets|GetBucketPolicy|DescribeVpcEndpoints|GetCallerIdentity) /)).toEqual(new Set(['AKIACALLERTEST000001']))
  })

  it('a separate reader outside any organization is a gap, not "no organization"', async () => {
    vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', await credentialsFile())
    fakeAws(world({ noOrganization: true }))
    const { snapshot } = await collectSnapshot({ clock, regions: ['us-east-1'], orgProfile: 'management' })
    expect(snapshot.organization).toBeNull()
    expect(snapshot.incomplete).toHaveLength(1)
    expect(snapshot.incomplete[0]!.effect).toMatch(/^No organization was read: the organization reader is in none, so no SCP or RCP is in the snapshot/)
  })
})
