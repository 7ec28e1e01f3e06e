/**
 * Every remedy is tried: applied to the fixture's own policies, the request is evaluated
 * again, and it must come out Allowed — or, where the fixture's request also hangs on unknown
 * context, with no certain deny and no layer without an Allow left. Nothing else may change:
 * the edited case differs from the original only where the remedies say, and a neighbouring
 * request (another action) gets the same decision as before, so no remedy grants more than
 * was asked for.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { evaluateCase } from '../../src/evaluate-case.js'
import type { Verdict } from '../../src/model/index.js'
import { renderVerdict, verdictToJson } from '../../src/report/index.js'
import { remediesFor, type PatchOperation, type Remedy } from '../../src/report/remedies.js'

const CASES = fileURLToPath(new URL('../fixtures/cases/', import.meta.url))

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.json') ? [join(dir, e.name)] : []))
}

type Json = Record<string, unknown>
type Case = Json & { request: Json; policies: Json }

/** A policy entry's document as an object: `{document}` or a bare document, the document an object or JSON text. */
function documentOf(entry: unknown): Json {
  const doc = typeof entry === 'object' && entry !== null && 'document' in entry ? (entry as Json)['document'] : entry
  return (typeof doc === 'string' ? JSON.parse(doc) : doc) as Json
}

function withStatements(entry: unknown, add: readonly Json[]): Json {
  const doc = documentOf(entry)
  const statements = Array.isArray(doc['Statement']) ? doc['Statement'] : [doc['Statement']]
  return { ...(entry as Json), document: { ...doc, Statement: [...statements, ...add] } }
}

/** RFC 6902 add/replace at a JSON Pointer, on a copy. */
function applyPatch(target: unknown, patch: readonly PatchOperation[]): unknown {
  const copy = structuredClone(target)
  for (const op of patch) {
    const keys = op.path.split('/').slice(1).map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'))
    const last = keys.pop()!
    let node = copy as Record<string, unknown>
    for (const key of keys) node = node[key] as Record<string, unknown>
    if (op.op === 'add' && last === '-' && Array.isArray(node)) node.push(op.value)
    else node[last] = op.value
  }
  return copy
}

/** The level index a case file's SCP/RCP label names: root, level-N, account. */
function levelIndex(levels: readonly unknown[], label: string): number {
  if (label === 'root') return 0
  if (label === 'account') return levels.length - 1
  const n = /^level-(\d+)$/.exec(label)
  if (n) return Number(n[1])
  throw new Error(`unknown level ${label}`)
}

function apply(base: Case, remedies: readonly Remedy[], verdict: Verdict): Case {
  const policies: Json = structuredClone(base.policies)
  for (const r of remedies) {
    if (r.kind === 'add-statement') {
      const statements = r.policy!.Statement as Json[]
      switch (r.policyType) {
        case 'identity':
          policies['identity'] = [...((policies['identity'] as unknown[] | undefined) ?? []), { name: 'remedy', document: r.policy }]
          break
        case 'scp':
        case 'rcp': {
          const key = r.policyType === 'scp' ? 'scps' : 'rcps'
          const levels = policies[key] as unknown[][]
          const at = levelIndex(levels, r.level!)
          levels[at] = [...levels[at]!, { name: 'remedy', document: r.policy }]
          break
        }
        default: {
          const existing = policies[r.policyType]
          policies[r.policyType] = existing ? withStatements(existing, statements) : { document: r.policy }
        }
      }
      continue
    }
    // edit-statement: the deny's own statement, found as the verdict names it.
    const deny = verdict.denies.find((d) => d.policyType === r.policyType && d.policyName === r.policyName && d.statementIndex === r.statementIndex)!
    const edited = applyPatch(deny.statement, r.patch!) as Json
    const replaceIn = (entry: unknown): unknown => {
      const doc = documentOf(entry)
      const list = Array.isArray(doc['Statement']) ? [...(doc['Statement'] as unknown[])] : [doc['Statement']]
      if (JSON.stringify(list[r.statementIndex!]) !== JSON.stringify(deny.statement)) return entry
      list[r.statementIndex!] = edited
      return { ...(typeof entry === 'object' && entry !== null && 'document' in entry ? (entry as Json) : {}), document: { ...doc, Statement: list } }
    }
    for (const [key, value] of Object.entries(policies)) {
      if (Array.isArray(value)) policies[key] = value.map((v) => (Array.isArray(v) ? v.map(replaceIn) : replaceIn(v)))
      else if (value) policies[key] = replaceIn(value)
    }
  }
  return { ...base, policies }
}

function neighbour(c: Case): Case {
  const action = String(c.request['action'])
  // A trust policy is read as one only for sts:AssumeRole* and its kin: stay among them.
  const other = /^sts:/i.test(action) ? (/^sts:TagSession$/i.test(action) ? 'sts:SetSourceIdentity' : 'sts:TagSession') : action.toLowerCase().startsWith('sqs:') ? 'sns:Publish' : 'sqs:DeleteQueue'
  return { ...c, request: { ...c.request, action: other } }
}

const fixtures = walk(CASES).flatMap((file) => {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as Case
  const { expect: _expected, description: _d, reference: _r, ...input } = raw as Json
  const verdict = evaluateCase(input)
  const remedies = remediesFor(verdict)
  return remedies.length > 0 ? [[relative(CASES, file), input as Case, verdict, remedies] as const] : []
})

describe('remedies, applied to the fixture they were written for', () => {
  it('there are remedies of both kinds to try', () => {
    const kinds = fixtures.flatMap(([, , , remedies]) => remedies.map((r) => `${r.kind}:${r.policyType}`))
    expect(kinds).toContain('edit-statement:scp')
    expect(kinds).toContain('add-statement:identity')
    expect(kinds).toContain('add-statement:resource')
    expect(fixtures.length).toBeGreaterThan(30)
  })

  it.each(fixtures)('%s', (_name, input, verdict, remedies) => {
    const fixed = apply(input, remedies, verdict)
    const after = evaluateCase(fixed)
    const edited = (d: Verdict['denies'][number]): boolean =>
      remedies.some((r) => r.kind === 'edit-statement' && r.policyType === d.policyType && r.policyName === d.policyName && r.statementIndex === d.statementIndex)
    const key = (d: Verdict['denies'][number]): string => `${d.policyType}/${d.policyName}/${d.statementIndex}`
    // Each edited deny is gone, and every other certain deny is still there: the edit touched one statement.
    expect(after.denies.filter((d) => d.certain).map(key)).toEqual(verdict.denies.filter((d) => d.certain && !edited(d)).map(key))
    // Each layer that got its Allow has it now.
    expect(after.missingAllows).toEqual([])
    const unfixable = verdict.denies.filter((d) => d.certain && !edited(d))
    if (unfixable.length === 0) {
      // Everything that stopped it has a remedy: it is Allowed, or open only on unknown context.
      expect(['Allowed', 'Undetermined']).toContain(after.decision)
      if (after.decision === 'Undetermined') expect(after.denies.every((d) => !d.certain)).toBe(true)
      if (verdict.denies.every((d) => d.certain) && verdict.allows.every((a) => a.certain)) expect(after.decision).toBe('Allowed')
    }
    // Least privilege: an added statement grants this action only, so another action is decided as before.
    if (remedies.every((r) => r.kind === 'add-statement' && r.policyType !== 'rcp')) {
      expect(evaluateCase(neighbour(fixed)).decision).toBe(evaluateCase(neighbour(input)).decision)
    }
    // Nothing but the policies changed.
    const { policies: _p, ...restBefore } = input
    const { policies: _q, ...restAfter } = fixed
    expect(restAfter).toEqual(restBefore)
  })
})

describe('remedies in the reports', () => {
  const denied = fixtures.find(([name]) => name.includes('exemptions'))
  it('are in the JSON as the contract says', () => {
    const [, , verdict] = fixtures[0]!
    const json = verdictToJson(verdict)
    expect(json['remedies']).toEqual(remediesFor(verdict))
    for (const r of json['remedies'] as Remedy[]) {
      expect(typeof r.target).toBe('string')
      expect(['add-statement', 'edit-statement']).toContain(r.kind)
      expect(r.kind === 'add-statement' ? r.policy : r.patch).toBeDefined()
    }
  })
  it('are fenced JSON blocks labelled "review before applying" in text and markdown', () => {
    const [, , verdict] = denied ?? fixtures[0]!
    for (const format of ['text', 'markdown'] as const) {
      const output = renderVerdict(verdict, format, { color: false })
      const blocks = [...output.matchAll(/^```json review before applying\n([\s\S]*?)\n```$/gm)].map((m) => JSON.parse(m[1]!) as unknown)
      expect(blocks.length).toBe(remediesFor(verdict).length)
    }
  })
})

describe('requests no pasted policy can fix', () => {
  const load = (name: string): Verdict => {
    const raw = JSON.parse(readFileSync(join(CASES, name), 'utf8')) as Json
    const { expect: _e, description: _d, reference: _r, ...input } = raw
    return evaluateCase(input)
  }

  it.each(['exemptions/aws-managed-policy-set-default-version-refused.json', 'exemptions/service-linked-role-put-policy-refused.json', 'exemptions/identity-center-role-attach-policy-refused.json'])(
    '%s: AWS refuses a change of its own resource, so there is no remedy for it',
    (name) => {
      const verdict = load(name)
      expect(verdict.missingAllows.some((m) => m.level === 'AWS-owned resource')).toBe(true)
      expect(remediesFor(verdict).filter((r) => r.kind === 'add-statement')).toEqual([])
    },
  )

  it('a service principal is granted in the resource policy by "Principal": {"Service": …}, never in an identity policy', () => {
    const verdict = load('principals/service-principal-needs-resource-grant.json')
    const remedies = remediesFor(verdict)
    expect(remedies.map((r) => r.policyType)).toEqual(['resource'])
    expect(remedies[0]!.target).toBe('arn:aws:s3:::example-trail-logs')
    expect(remedies[0]!.policy!.Statement[0]!['Principal']).toEqual({ Service: 'cloudtrail.amazonaws.com' })
  })
})
