/**
 * An organization answered by the Organizations stub of mocked clients, as its read-side APIs
 * send it: DescribeOrganization, ListRoots, ListParents, ListPoliciesForTarget (paged with
 * NextToken), DescribePolicy, and the names of OUs and accounts.
 */
import {
  DescribeAccountCommand,
  DescribeOrganizationalUnitCommand,
  DescribeOrganizationCommand,
  DescribePolicyCommand,
  ListParentsCommand,
  ListPoliciesForTargetCommand,
  ListRootsCommand,
} from '@aws-sdk/client-organizations'
import { awsError } from '../../helpers/aws-mock.js'
import { MANAGEMENT_ACCOUNT, type MockedAws } from './helpers.js'

type PolicyType = 'SERVICE_CONTROL_POLICY' | 'RESOURCE_CONTROL_POLICY'

export interface OrganizationFixture {
  readonly id: string
  readonly rootId: string
  /** Default: MANAGEMENT_ACCOUNT. */
  readonly managementAccount?: string
  /** Enabled in the root; default SCPs and RCPs. */
  readonly policyTypes?: readonly PolicyType[]
  /** Child (account or OU) → its parent; ListParents of any other child answers ChildNotFoundException. */
  readonly parents: Readonly<Record<string, string>>
  /** Names of OUs and accounts; an account not named is `acct-` and its first three digits. */
  readonly names?: Readonly<Record<string, string>>
  /** Policy ID → its name, content and (only when given) the ARN Organizations would send. */
  readonly policies: Readonly<Record<string, { readonly name: string; readonly content: object; readonly arn?: string }>>
  /** `SERVICE_CONTROL_POLICY|<target>` → the policy IDs attached there, one list per page. */
  readonly attached: Readonly<Record<string, readonly (readonly string[])[]>>
  /** Holds an answer back until the promise it returns settles (tests of what starts early). */
  readonly holdBack?: (operation: 'DescribeOrganization' | 'ListParents', input: { readonly ChildId?: string }) => Promise<void> | undefined
}

export function givenOrganization(aws: MockedAws, org: OrganizationFixture): void {
  const management = org.managementAccount ?? MANAGEMENT_ACCOUNT
  const held = <T>(operation: 'DescribeOrganization' | 'ListParents', input: { ChildId?: string }, answer: () => T): T | Promise<T> => {
    const wait = org.holdBack?.(operation, input)
    return wait ? wait.then(answer) : answer()
  }
  const summary = (id: string) => {
    const policy = org.policies[id]!
    return { Id: id, Name: policy.name, ...(policy.arn ? { Arn: policy.arn } : {}) }
  }
  aws.organizations.on(DescribeOrganizationCommand).callsFake((input: object) =>
    held('DescribeOrganization', input, () => ({
      Organization: { Id: org.id, Arn: `arn:aws:organizations::${management}:organization/${org.id}`, FeatureSet: 'ALL', MasterAccountId: management },
    })),
  )
  aws.organizations.on(ListRootsCommand).resolves({
    Roots: [{ Id: org.rootId, Name: 'Root', Arn: `arn:aws:organizations::${management}:root/${org.id}/${org.rootId}`, PolicyTypes: (org.policyTypes ?? ['SERVICE_CONTROL_POLICY', 'RESOURCE_CONTROL_POLICY']).map((Type) => ({ Type, Status: 'ENABLED' as const })) }],
  })
  aws.organizations.on(ListParentsCommand).callsFake((input: { ChildId: string }) =>
    held('ListParents', input, () => {
      const parent = org.parents[input.ChildId]
      if (!parent) throw awsError('ChildNotFoundException', 'We can\'t find an organizational unit (OU) or AWS account with the ChildId that you specified.')
      return { Parents: [{ Id: parent, Type: parent === org.rootId ? 'ROOT' : 'ORGANIZATIONAL_UNIT' }] }
    }),
  )
  aws.organizations.on(ListPoliciesForTargetCommand).callsFake((input: { TargetId: string; Filter: string; NextToken?: string }) => {
    const pages = org.attached[`${input.Filter}|${input.TargetId}`] ?? [[]]
    const index = input.NextToken ? Number(input.NextToken) : 0
    const next = index + 1 < pages.length ? String(index + 1) : undefined
    return { Policies: pages[index]!.map(summary), ...(next ? { NextToken: next } : {}) }
  })
  aws.organizations.on(DescribePolicyCommand).callsFake((input: { PolicyId: string }) => ({
    Policy: { PolicySummary: summary(input.PolicyId), Content: JSON.stringify(org.policies[input.PolicyId]!.content) },
  }))
  aws.organizations.on(DescribeOrganizationalUnitCommand).callsFake((input: { OrganizationalUnitId: string }) => ({
    OrganizationalUnit: { Id: input.OrganizationalUnitId, Name: org.names?.[input.OrganizationalUnitId] },
  }))
  aws.organizations.on(DescribeAccountCommand).callsFake((input: { AccountId: string }) => ({
    Account: { Id: input.AccountId, Name: org.names?.[input.AccountId] ?? `acct-${input.AccountId.slice(0, 3)}` },
  }))
}
