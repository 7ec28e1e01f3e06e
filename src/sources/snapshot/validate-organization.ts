/**
 * The `organization` part of a snapshot: its shape, and that the tree holds together (every
 * parent exists, no cycles, every attachment names a known policy and target). A broken tree
 * would silently drop SCPs from a chain, so it is refused rather than guessed at.
 */
import { ACCOUNT, ARN, at, Checker, type Json } from './check.js'
import {
  ORG_POLICY_TYPES,
  type OrgPolicyType,
  type SnapshotOrganization,
  type SnapshotOrgAccount,
  type SnapshotOrgPolicy,
  type SnapshotOrgUnit,
  type SnapshotRoot,
} from './format.js'

// Organizations IDs, loosely: the prefix is what tells a root from an OU from a policy.
// https://docs.aws.amazon.com/organizations/latest/APIReference/API_OrganizationalUnit.html
const ORG_ID = { test: /^o-[a-z0-9]+$/, what: 'an organization ID (o-…)' }
const ROOT_ID = { test: /^r-[a-z0-9]+$/, what: 'a root ID (r-…)' }
const OU_ID = { test: /^ou-[a-z0-9-]+$/, what: 'an OU ID (ou-…)' }
const POLICY_ID = { test: /^p-[A-Za-z0-9_]+$/, what: 'a policy ID (p-…)' }
const PARENT_ID = { test: /^(r-[a-z0-9]+|ou-[a-z0-9-]+)$/, what: 'a root or OU ID (r-… or ou-…)' }
const TARGET_ID = { test: /^(r-[a-z0-9]+|ou-[a-z0-9-]+|\d{12})$/, what: 'a root, OU or account ID' }

function policyType(c: Checker, value: unknown, path: string): OrgPolicyType {
  if (typeof value === 'string' && (ORG_POLICY_TYPES as readonly string[]).includes(value)) return value as OrgPolicyType
  return c.fail(path, `one of ${ORG_POLICY_TYPES.join(', ')}`, value)
}

function readRoot(c: Checker, o: Json, path: string): SnapshotRoot {
  return {
    id: c.string(o.id, at(path, 'id'), ROOT_ID),
    name: c.string(o.name, at(path, 'name')),
    policyTypes: c.list(o.policyTypes, at(path, 'policyTypes')).map((t, i) => policyType(c, t, at(at(path, 'policyTypes'), i))),
  }
}

function readUnit(c: Checker, o: Json, path: string): SnapshotOrgUnit {
  return { id: c.string(o.id, at(path, 'id'), OU_ID), name: c.string(o.name, at(path, 'name')), parentId: c.string(o.parentId, at(path, 'parentId'), PARENT_ID) }
}

function readAccount(c: Checker, o: Json, path: string): SnapshotOrgAccount {
  return { id: c.string(o.id, at(path, 'id'), ACCOUNT), name: c.string(o.name, at(path, 'name')), parentId: c.string(o.parentId, at(path, 'parentId'), PARENT_ID) }
}

function readPolicy(c: Checker, o: Json, path: string): SnapshotOrgPolicy {
  return {
    id: c.string(o.id, at(path, 'id'), POLICY_ID),
    arn: c.string(o.arn, at(path, 'arn'), ARN),
    name: c.string(o.name, at(path, 'name')),
    type: policyType(c, o.type, at(path, 'type')),
    document: c.document(o.document, at(path, 'document')),
  }
}

export function readOrganization(c: Checker, value: unknown, path: string): SnapshotOrganization | null {
  if (value === null) return null
  const o = c.object(value, path, 'an object or null')
  const org: SnapshotOrganization = {
    id: c.string(o.id, at(path, 'id'), ORG_ID),
    managementAccountId: c.string(o.managementAccountId, at(path, 'managementAccountId'), ACCOUNT),
    roots: c.objects(o.roots, at(path, 'roots'), (item, p) => readRoot(c, item, p)),
    ous: c.objects(o.ous, at(path, 'ous'), (item, p) => readUnit(c, item, p)),
    accounts: c.objects(o.accounts, at(path, 'accounts'), (item, p) => readAccount(c, item, p)),
    policies: c.objects(o.policies, at(path, 'policies'), (item, p) => readPolicy(c, item, p)),
    attachments: c.objects(o.attachments, at(path, 'attachments'), (item, p) => ({
      policyId: c.string(item.policyId, at(p, 'policyId'), POLICY_ID),
      targetId: c.string(item.targetId, at(p, 'targetId'), TARGET_ID),
    })),
  }
  checkTree(c, org, path)
  return org
}

function checkTree(c: Checker, org: SnapshotOrganization, path: string): void {
  if (org.roots.length === 0) throw c.problem(at(path, 'roots'), 'an organization has a root, but the list is empty')
  c.unique(org.roots, (r) => r.id, at(path, 'roots'), 'root')
  c.unique(org.ous, (u) => u.id, at(path, 'ous'), 'OU')
  c.unique(org.accounts, (a) => a.id, at(path, 'accounts'), 'account')
  c.unique(org.policies, (p) => p.id, at(path, 'policies'), 'policy')

  const parents = new Map<string, string | null>([...org.roots.map((r) => [r.id, null] as const), ...org.ous.map((u) => [u.id, u.parentId] as const)])
  const checkParent = (parentId: string, where: string) => {
    if (!parents.has(parentId)) throw c.problem(where, `parent ${parentId} is neither a root nor an OU of the organization`)
  }
  org.ous.forEach((unit, i) => {
    const where = at(at(at(path, 'ous'), i), 'parentId')
    checkParent(unit.parentId, where)
    // Walking up must reach a root; a loop would make the SCP chain endless.
    let id: string | null = unit.parentId
    for (let steps = 0; id !== null; steps++) {
      if (steps > org.ous.length) throw c.problem(where, `OU ${unit.id} is its own ancestor: the parentId links form a loop`)
      id = parents.get(id) ?? null
    }
  })
  org.accounts.forEach((account, i) => checkParent(account.parentId, at(at(at(path, 'accounts'), i), 'parentId')))

  const policies = new Set(org.policies.map((p) => p.id))
  const targets = new Set([...parents.keys(), ...org.accounts.map((a) => a.id)])
  org.attachments.forEach((attachment, i) => {
    const where = at(at(path, 'attachments'), i)
    if (!policies.has(attachment.policyId)) throw c.problem(at(where, 'policyId'), `policy ${attachment.policyId} is not in organization.policies`)
    if (!targets.has(attachment.targetId)) throw c.problem(at(where, 'targetId'), `target ${attachment.targetId} is not a root, OU or account of the organization`)
  })
}
