/**
 * Identity-based policies of one IAM user, role or group (managed and inline), and the
 * permissions boundary of a user or role. Each failure becomes a gap naming what was not
 * read; the other policies are still collected.
 */
import {
  GetGroupPolicyCommand,
  GetRolePolicyCommand,
  GetUserPolicyCommand,
  paginateListAttachedGroupPolicies,
  paginateListAttachedRolePolicies,
  paginateListAttachedUserPolicies,
  paginateListGroupPolicies,
  paginateListRolePolicies,
  paginateListUserPolicies,
  type AttachedPolicy,
} from '@aws-sdk/client-iam'
import type { CollectionGap, SourcedPolicy } from '../../model/index.js'
import type { AwsClientPool } from './clients.js'
import { collectParsed, parseDocument, type Collected, type ParsedDocument } from './documents.js'
import { attempt, UnexpectedResponseError } from './errors.js'
import { OnceCache } from './limit.js'
import type { ManagedPolicies } from './managed-policies.js'

/** Something IAM policies attach to. */
export interface PolicyHolder {
  readonly kind: 'user' | 'role' | 'group'
  readonly name: string
}

async function listAttached(pool: AwsClientPool, holder: PolicyHolder): Promise<AttachedPolicy[]> {
  const client = { client: pool.iam() }
  const out: AttachedPolicy[] = []
  if (holder.kind === 'user') {
    for await (const page of paginateListAttachedUserPolicies(client, { UserName: holder.name })) out.push(...(page.AttachedPolicies ?? []))
  } else if (holder.kind === 'role') {
    for await (const page of paginateListAttachedRolePolicies(client, { RoleName: holder.name })) out.push(...(page.AttachedPolicies ?? []))
  } else {
    for await (const page of paginateListAttachedGroupPolicies(client, { GroupName: holder.name })) out.push(...(page.AttachedPolicies ?? []))
  }
  return out
}

async function listInline(pool: AwsClientPool, holder: PolicyHolder): Promise<string[]> {
  const client = { client: pool.iam() }
  const out: string[] = []
  if (holder.kind === 'user') {
    for await (const page of paginateListUserPolicies(client, { UserName: holder.name })) out.push(...(page.PolicyNames ?? []))
  } else if (holder.kind === 'role') {
    for await (const page of paginateListRolePolicies(client, { RoleName: holder.name })) out.push(...(page.PolicyNames ?? []))
  } else {
    for await (const page of paginateListGroupPolicies(client, { GroupName: holder.name })) out.push(...(page.PolicyNames ?? []))
  }
  return out
}

async function getInline(pool: AwsClientPool, holder: PolicyHolder, policyName: string): Promise<string> {
  const iam = pool.iam()
  let document: string | undefined
  if (holder.kind === 'user') {
    document = (await iam.send(new GetUserPolicyCommand({ UserName: holder.name, PolicyName: policyName }))).PolicyDocument
  } else if (holder.kind === 'role') {
    document = (await iam.send(new GetRolePolicyCommand({ RoleName: holder.name, PolicyName: policyName }))).PolicyDocument
  } else {
    document = (await iam.send(new GetGroupPolicyCommand({ GroupName: holder.name, PolicyName: policyName }))).PolicyDocument
  }
  if (document === undefined) throw new UnexpectedResponseError(`IAM returned no document for inline policy ${policyName} of ${holder.kind} ${holder.name}`)
  return document
}

export class IdentityPolicies {
  private readonly cache = new OnceCache<Collected<SourcedPolicy[]>>()

  constructor(
    private readonly pool: AwsClientPool,
    private readonly managed: ManagedPolicies,
  ) {}

  /** Managed policies attached to `holder` (listing order), then its inline policies. Read once per holder. */
  of(holder: PolicyHolder): Promise<Collected<SourcedPolicy[]>> {
    return this.cache.get(`${holder.kind}/${holder.name}`, async () => {
      const [managed, inline] = await Promise.all([this.managedOf(holder), this.inlineOf(holder)])
      const parsed = collectParsed([...managed.parsed, ...inline.parsed])
      return { value: parsed.value, gaps: [...managed.gaps, ...inline.gaps, ...parsed.gaps] }
    })
  }

  /** The permissions boundary set on a user or role, or null when it has none. */
  async boundary(holder: PolicyHolder, boundaryArn: string | null): Promise<Collected<SourcedPolicy | null>> {
    if (!boundaryArn) return { value: null, gaps: [] }
    const label = `${holder.kind} \`${holder.name}\``
    const fetched = await attempt(
      () => this.managed.fetch(boundaryArn),
      'iam',
      `The permissions boundary \`${boundaryArn}\` of ${label} was not read, so whether it allows the request is unknown.`,
    )
    if (!fetched.ok) return { value: null, gaps: [fetched.gap] }
    const { name, document } = fetched.value
    const parsed = parseDocument(
      document,
      { type: 'boundary', name, arn: boundaryArn, attachedTo: holder.name, origin: `permissions boundary \`${name}\` of ${label}` },
      'boundary',
      'iam',
    )
    return parsed.ok ? { value: parsed.policy, gaps: [] } : { value: null, gaps: [parsed.gap] }
  }

  private async managedOf(holder: PolicyHolder): Promise<{ parsed: ParsedDocument[]; gaps: CollectionGap[] }> {
    const label = `${holder.kind} \`${holder.name}\``
    const listed = await attempt(() => listAttached(this.pool, holder), 'iam', `The managed policies attached to ${label} were not read.`)
    if (!listed.ok) return { parsed: [], gaps: [listed.gap] }
    const gaps: CollectionGap[] = []
    const parsed: ParsedDocument[] = []
    const fetched = await Promise.all(
      listed.value.map(async (attached) => {
        const arn = attached.PolicyArn ?? ''
        const name = attached.PolicyName ?? arn
        const origin = `managed policy \`${name}\` attached to ${label}`
        const result = await attempt(() => this.managed.fetch(arn), 'iam', `The ${origin} was not read.`)
        return { result, arn, name, origin }
      }),
    )
    for (const { result, arn, name, origin } of fetched) {
      if (!result.ok) gaps.push(result.gap)
      else parsed.push(parseDocument(result.value.document, { type: 'identity', name, arn, attachedTo: holder.name, origin }, 'identity', 'iam'))
    }
    return { parsed, gaps }
  }

  private async inlineOf(holder: PolicyHolder): Promise<{ parsed: ParsedDocument[]; gaps: CollectionGap[] }> {
    const label = `${holder.kind} \`${holder.name}\``
    const listed = await attempt(() => listInline(this.pool, holder), 'iam', `The inline policies of ${label} were not read.`)
    if (!listed.ok) return { parsed: [], gaps: [listed.gap] }
    const gaps: CollectionGap[] = []
    const parsed: ParsedDocument[] = []
    const fetched = await Promise.all(
      listed.value.map(async (policyName) => {
        const origin = `inline policy \`${policyName}\` of ${label}`
        const result = await attempt(() => getInline(this.pool, holder, policyName), 'iam', `The ${origin} was not read.`)
        return { result, policyName, origin }
      }),
    )
    for (const { result, policyName, origin } of fetched) {
      if (!result.ok) gaps.push(result.gap)
      else parsed.push(parseDocument(result.value, { type: 'identity', name: policyName, arn: null, attachedTo: holder.name, origin }, 'identity', 'iam'))
    }
    return { parsed, gaps }
  }
}
