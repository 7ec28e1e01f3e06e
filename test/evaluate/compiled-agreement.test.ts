/**
 * The engine decides with compiled statements (src/evaluate/compiled.ts) and explains with the
 * reference matchers (statement.ts). They must agree, statement by statement, on whether a
 * statement applies and how its Principal names the caller: otherwise a verdict could be
 * decided by one and explained by the other. Checked on every fixture, on generated cases
 * and on part of the benchmark corpus.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { generateCorpus } from '../../bench/engine/corpus.js'
import { lookupAction, rcpServices } from '../../src/catalogue/index.js'
import { decideStatement } from '../../src/evaluate/compiled.js'
import { explainHit } from '../../src/evaluate/explain.js'
import { impliedContext } from '../../src/evaluate/implied-context.js'
import { decideLayers, layerInput } from '../../src/evaluate/layers.js'
import { matchAction } from '../../src/evaluate/match/action.js'
import { matchPrincipal } from '../../src/evaluate/match/principal.js'
import { resourceView } from '../../src/evaluate/match/resource-view.js'
import { candidatesFor, matchedActionText } from '../../src/evaluate/policy-index.js'
import { planFor } from '../../src/evaluate/set-plan.js'
import { matchStatement } from '../../src/evaluate/statement.js'
import type { PolicySet, SourcedPolicy } from '../../src/model/index.js'
import { loadCase, type LoadedCase } from '../../src/sources/case/load-case.js'
import { caseFile } from './arbitraries.js'

const CASES = fileURLToPath(new URL('../fixtures/cases/', import.meta.url))
const resourceTypes = (action: string) => lookupAction(action)?.resourceTypes ?? []

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name)
      if (statSync(path).isDirectory()) return walk(path)
      return name.endsWith('.json') ? [path] : []
    })
}

function allPolicies(set: PolicySet): SourcedPolicy[] {
  return [
    ...set.identity,
    ...[set.boundary, set.resource, set.vpce, set.session].filter((p) => p !== null),
    ...set.scps.flatMap((l) => l.policies),
    ...set.rcps.flatMap((l) => l.policies),
  ]
}

/** Every disagreement between the two matchers on one loaded case, as readable lines. */
function disagreements({ request, policies }: LoadedCase): string[] {
  const out: string[] = []
  const context = impliedContext(request.principal, request.resourceAccount, request.context)
  const resources = request.resources.length > 0 ? request.resources : [null]
  for (const policy of allPolicies(policies)) {
    const env = { context, version: policy.policy.version }
    const candidates = candidatesFor(policy.policy, request.action)
    const byIndex = new Map(candidates.map((c) => [c.index, c]))
    policy.policy.statements.forEach((statement, index) => {
      const where = `${policy.source.name ?? policy.source.type} statement ${index}`
      const action = matchAction(statement, request.action)
      const candidate = byIndex.get(index)
      if (action.matched !== (candidate !== undefined)) out.push(`${where}: action ${action.matched} against candidate ${candidate !== undefined}`)
      if (!candidate) return
      if (matchedActionText(candidate, request.action) !== action.pattern) out.push(`${where}: matched action text differs`)
      if (candidate.deny !== (statement.effect === 'Deny')) out.push(`${where}: effect differs`)
      const strength = candidate.compiled.principal(request.principal).strength
      if (strength !== matchPrincipal(statement, request.principal).strength) out.push(`${where}: principal strength differs`)
      for (const resource of resources) {
        const input = { principal: request.principal, action: request.action, resource, resourceTypes: request.resourceTypes, context }
        const reference = matchStatement(policy, statement, input, env, action.pattern)?.applies ?? false
        const view = resource === null ? null : resourceView(resource)
        const compiled = decideStatement(candidate.compiled, { principal: request.principal, resource: view, hints: request.resourceTypes }, env)
        if (compiled !== reference) out.push(`${where} on ${resource}: compiled ${compiled}, reference ${reference}`)
      }
    })
  }
  return out
}

describe('compiled statements agree with the reference matchers', () => {
  it('on every fixture case', () => {
    const files = walk(CASES)
    expect(files.length).toBeGreaterThan(250)
    for (const file of files) {
      const loaded = loadCase(JSON.parse(readFileSync(file, 'utf8')), resourceTypes)
      expect(disagreements(loaded), file).toEqual([])
    }
  })

  it('on generated cases, context complete or not', () => {
    fc.assert(
      fc.property(caseFile(), (c) => {
        expect(disagreements(loadCase(c, resourceTypes))).toEqual([])
      }),
      { numRuns: 400 },
    )
  })

  it('on the first 400 cases of the benchmark corpus (variables, every condition family, bucket policies)', () => {
    for (const item of generateCorpus({ seed: 7 }).slice(0, 400)) {
      expect(disagreements(loadCase(item.case, resourceTypes)), item.id).toEqual([])
    }
  })

  it('also when the resource is not given (matched by the action’s resource types)', () => {
    fc.assert(
      fc.property(caseFile(), (c) => {
        const { resource: _resource, ...request } = c.request
        expect(disagreements(loadCase({ ...c, request }, resourceTypes))).toEqual([])
      }),
      { numRuns: 200 },
    )
  })
})

describe('explainHit', () => {
  const loaded = loadCase({
    request: { principal: 'arn:aws:iam::111111111111:user/alice', action: 's3:GetObject', resource: 'arn:aws:s3:::b/x' },
    policies: { identity: [{ name: 'allow', document: { Version: '2012-10-17', Statement: [{ Sid: 'S3', Effect: 'Allow', Action: 's3:*', Resource: '*' }] } }] },
  })
  const { request } = loaded
  const policy = loaded.policies.identity[0]!
  const candidate = candidatesFor(policy.policy, request.action)[0]!
  const input = { principal: request.principal, action: request.action, resource: request.resources[0]!, resourceTypes: [], context: request.context }

  it('explains with the reference matcher', () => {
    const full = explainHit({ policy, candidate, applies: true }, input)
    expect(full).toMatchObject({ applies: true, matchedAction: 's3:*', matchedResource: '*', statement: policy.policy.statements[0] })
  })

  it('refuses to explain a statement the reference matcher judges otherwise, naming it', () => {
    expect(() => explainHit({ policy, candidate, applies: 'unknown' }, input)).toThrow(/Internal error: .*statement 1 \(Sid S3\) of identity-based policy `allow`.*s3:GetObject \(unknown against true\)/)
  })
})

describe('deciding alone skips statements that cannot change the outcome', () => {
  it('and finds the same Denies, gates and missing Allows as reading every statement', () => {
    const options = { rcpServices: rcpServices() }
    fc.assert(
      fc.property(caseFile(), (c) => {
        const { request, policies } = loadCase(c, resourceTypes)
        const context = impliedContext(request.principal, request.resourceAccount, request.context)
        const plan = planFor(policies, request.action)
        const input = layerInput(request, request.resources[0] ?? null, context)
        const decided = decideLayers(request, policies, plan, input, options)
        const read = decideLayers(request, policies, plan, input, options, true)
        expect(decided.hits).toEqual([])
        expect({ certainDeny: decided.certainDeny, anyDeny: decided.anyDeny, open: decided.open }).toEqual({
          certainDeny: read.certainDeny,
          anyDeny: read.anyDeny,
          open: read.open,
        })
        expect(read.anyDeny).toBe(read.hits.some((h) => h.candidate.deny))
        expect(read.certainDeny).toBe(read.hits.some((h) => h.candidate.deny && h.applies === true))
      }),
      { numRuns: 500 },
    )
  })
})
