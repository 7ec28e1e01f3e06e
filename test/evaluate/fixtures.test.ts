/**
 * Table-driven evaluator tests: every test/fixtures/cases/**\/*.json is a case file (the `evaluate`
 * input of cli-contract.md) plus `description`, `reference` (the AWS page that settles the rule)
 * and `expect`. Each fixture asserts the decision and which statements or layers decided it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import Ajv2020Module from 'ajv/dist/2020.js'
import { describe, expect, it } from 'vitest'
import { evaluateCase } from '../../src/evaluate-case.js'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const CASES_DIR = join(ROOT, 'test', 'fixtures', 'cases')
const DECISIONS = ['Allowed', 'ExplicitDeny', 'ImplicitDeny', 'Undetermined']
/** Minimum number of cases per group, so that a deleted folder shows up as a failure. */
const GROUP_MINIMUMS: Record<string, number> = {
  actions: 15, resources: 15, principals: 15, conditions: 50, layers: 25,
  'cross-account': 12, 'same-account': 10, exemptions: 8, unknown: 12, seed: 12,
}

/** An expected finding: only the fields given are compared. */
type Expected = Record<string, unknown>

interface Expectation {
  decision: string
  denies: Expected[]
  missingAllows: Expected[]
  allows?: Expected[]
  /** Text each of which some warning of the verdict must contain (lint notes the rule relies on). */
  warnings?: string[]
}

interface Fixture {
  /** Path below test/fixtures/cases, without `.json`. */
  id: string
  raw: Record<string, unknown>
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((x, y) => x.name.localeCompare(y.name))
    .flatMap((entry) => {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) return walk(path)
      return entry.name.endsWith('.json') ? [path] : []
    })
}

function loadFixtures(): Fixture[] {
  return walk(CASES_DIR).map((path) => {
    const id = relative(CASES_DIR, path).replace(/\\/g, '/').replace(/\.json$/, '')
    let raw: unknown
    try {
      raw = JSON.parse(readFileSync(path, 'utf8'))
    } catch (error) {
      throw new Error(`fixture ${id} is not valid JSON: ${(error as Error).message}`)
    }
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new Error(`fixture ${id} must hold one JSON object`)
    return { id, raw: raw as Record<string, unknown> }
  })
}

/** The project's copy of a contract schema when there is one, else the shared spec. */
function loadSchema(name: string): object {
  const local = join(ROOT, 'schemas', name)
  const path = existsSync(local) ? local : join('/work/shared/spec', name)
  return JSON.parse(readFileSync(path, 'utf8')) as object
}

// ajv is CommonJS: under NodeNext the default import is module.exports, whose `default` is the class.
const Ajv2020 = Ajv2020Module.default
const ajv = new Ajv2020({ allErrors: true, strict: false })
const validateCase = ajv.compile(loadSchema('case.schema.json'))
const validateVerdict = ajv.compile(loadSchema('verdict.schema.json'))

function sameStringSet(expected: unknown[], actual: unknown): boolean {
  if (!Array.isArray(actual)) return false
  // Condition key names are case-insensitive in AWS, so unknownKeys compare that way too.
  const norm = (values: unknown[]) => new Set(values.map((v) => String(v).toLowerCase()))
  const want = norm(expected)
  const got = norm(actual)
  return want.size === got.size && [...want].every((v) => got.has(v))
}

/** True when every field given in `expected` equals the same field of `actual`. */
function fieldsMatch(expected: Expected, actual: unknown): boolean {
  if (typeof actual !== 'object' || actual === null) return false
  const record = actual as Record<string, unknown>
  return Object.entries(expected).every(([key, value]) =>
    Array.isArray(value) ? sameStringSet(value, record[key]) : record[key] === value,
  )
}

const show = (finding: unknown): string => {
  const f = finding as Record<string, unknown>
  const parts = ['policyType', 'policyName', 'level', 'statementIndex', 'certain', 'unknownKeys']
    .filter((k) => f[k] !== undefined)
    .map((k) => `${k}=${JSON.stringify(f[k])}`)
  return `{${parts.join(' ')}}`
}

/** Exact set comparison on the given fields: nothing expected is missing, nothing reported is unexpected. */
function compareSet(label: string, expected: Expected[], actual: readonly unknown[], problems: string[]): void {
  for (const e of expected) {
    if (!actual.some((x) => fieldsMatch(e, x))) problems.push(`${label}: expected ${show(e)} is not reported`)
  }
  for (const x of actual) {
    if (!expected.some((e) => fieldsMatch(e, x))) problems.push(`${label}: unexpected ${show(x)}`)
  }
}

function compareSubset(label: string, expected: Expected[], actual: readonly unknown[], problems: string[]): void {
  for (const e of expected) {
    if (!actual.some((x) => fieldsMatch(e, x))) problems.push(`${label}: expected ${show(e)} is not reported`)
  }
}

function withoutTestFields(raw: Record<string, unknown>): Record<string, unknown> {
  const { description: _d, reference: _r, expect: _e, ...caseFile } = raw
  return caseFile
}

const fixtures = loadFixtures()

describe('fixture corpus', () => {
  it('holds at least 170 cases', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(170)
  })

  it('covers every group with its minimum number of cases', () => {
    const counts: Record<string, number> = {}
    for (const f of fixtures) {
      const group = f.id.split('/')[0] ?? ''
      counts[group] = (counts[group] ?? 0) + 1
    }
    const short = Object.entries(GROUP_MINIMUMS)
      .filter(([group, min]) => (counts[group] ?? 0) < min)
      .map(([group, min]) => `${group}: ${counts[group] ?? 0} < ${min}`)
    expect(short).toEqual([])
  })

  it('gives every fixture a kebab-case name, a description, an AWS reference and a complete expect', () => {
    const problems: string[] = []
    for (const { id, raw } of fixtures) {
      if (!/^[a-z0-9-]+(\/[a-z0-9-]+)+$/.test(id)) problems.push(`${id}: path is not <group>/<kebab-name>`)
      if (typeof raw.description !== 'string' || raw.description.trim() === '') problems.push(`${id}: no description`)
      if (typeof raw.reference !== 'string' || !/^https:\/\/(docs\.aws\.amazon\.com|repost\.aws)\//.test(raw.reference)) {
        problems.push(`${id}: reference must be an AWS documentation or re:Post URL`)
      }
      const exp = raw.expect as Partial<Expectation> | undefined
      if (!exp || !DECISIONS.includes(String(exp.decision))) problems.push(`${id}: expect.decision missing or invalid`)
      if (!exp || !Array.isArray(exp.denies)) problems.push(`${id}: expect.denies must be a list`)
      if (!exp || !Array.isArray(exp.missingAllows)) problems.push(`${id}: expect.missingAllows must be a list`)
      if (exp?.allows !== undefined && !Array.isArray(exp.allows)) problems.push(`${id}: expect.allows must be a list`)
      if (exp?.warnings !== undefined && !Array.isArray(exp.warnings)) problems.push(`${id}: expect.warnings must be a list`)
      if (exp?.decision === 'ExplicitDeny' && !exp.denies?.some((x) => x.certain === true)) {
        problems.push(`${id}: an ExplicitDeny fixture must name a certain deny`)
      }
      if (exp?.decision === 'ImplicitDeny' && (exp.missingAllows?.length ?? 0) === 0) {
        problems.push(`${id}: an ImplicitDeny fixture must name the missing layer`)
      }
    }
    expect(problems).toEqual([])
  })
})

describe('evaluator fixtures', () => {
  for (const { id, raw } of fixtures) {
    it(`${id}: ${String(raw.description)}`, () => {
      const caseFile = withoutTestFields(raw)
      const validCase = validateCase(caseFile)
      expect(validCase, `case does not match case.schema.json: ${ajv.errorsText(validateCase.errors)}`).toBe(true)

      const verdict = evaluateCase(caseFile)
      const json: unknown = JSON.parse(JSON.stringify(verdict))
      const validVerdict = validateVerdict(json)
      expect(validVerdict, `verdict does not match verdict.schema.json: ${ajv.errorsText(validateVerdict.errors)}`).toBe(true)

      const exp = raw.expect as Expectation
      const problems: string[] = []
      if (verdict.decision !== exp.decision) problems.push(`decision: expected ${exp.decision}, got ${verdict.decision}`)
      compareSet('denies', exp.denies, verdict.denies, problems)
      compareSet('missingAllows', exp.missingAllows, verdict.missingAllows, problems)
      if (exp.allows) compareSubset('allows', exp.allows, verdict.allows, problems)
      for (const text of exp.warnings ?? []) {
        if (!verdict.warnings.some((w) => w.includes(text))) problems.push(`warnings: none contains ${JSON.stringify(text)} (${JSON.stringify(verdict.warnings)})`)
      }
      const summary = [
        `decision ${verdict.decision}`,
        `denies ${verdict.denies.map(show).join(', ') || '[]'}`,
        `missingAllows ${verdict.missingAllows.map(show).join(', ') || '[]'}`,
        `allows ${verdict.allows.map(show).join(', ') || '[]'}`,
      ].join('\n')
      expect(problems, `${id} (${String(raw.reference)})\n${summary}`).toEqual([])
    })
  }
})
