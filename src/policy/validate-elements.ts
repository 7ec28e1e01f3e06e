/**
 * The contents of Action / Resource / Principal / Condition: right JSON types, actions
 * written as `service:Action`, principal types and condition operators spelt as IAM
 * spells them.
 */
import { OPERATOR_FAMILIES, parseOperator } from '../model/operators.js'
import { SET_OPERATORS } from '../model/policy.js'
import type { JsonPath } from './json-positions.js'
import { clip } from './syntax-errors.js'
import { invalid, isObject, typeName, type Site } from './site.js'
import { closest } from './suggest.js'

type FailAt = (path: JsonPath, reason: string) => never
type FailPart = (path: JsonPath, part: 'key' | 'value', reason: string) => never

/** A string, or a non-empty list of strings: the shape of Action, Resource and principal lists. */
function checkStringList(value: unknown, path: JsonPath, element: string, fail: FailAt): readonly string[] {
  if (typeof value === 'string') return [value]
  if (!Array.isArray(value)) fail(path, `"${element}" must be a string or a list of strings, found ${typeName(value)}`)
  if (value.length === 0) fail(path, `"${element}" is an empty list — name at least one entry`)
  value.forEach((item, i) => {
    if (typeof item !== 'string') fail([...path, i], `"${element}" must be a string or a list of strings, found ${typeName(item)} in it`)
  })
  return value as string[]
}

const ACTION = /^[^:\s]+:[^:\s]+$/
/**
 * IAM stores an action with spaces after its service prefix (`"iam: asdf safdsf af "`), so a
 * policy read from an account may hold one: it is evaluated (it matches no action) and linted,
 * never refused. What IAM itself refuses (no `service:` prefix) still is.
 */
const SPACED_ACTION = /^[^:\s]+:[^:]*[^:\s][^:]*$/

/** `ec2RunInstances` → `ec2:RunInstances`; `iam.DeleteRole`, `iam::DeleteRole` → `iam:DeleteRole`. */
export function guessAction(text: string): string | null {
  const separated = /^([a-z0-9-]+)\s*(?:::|[.\/_ ]|\s:\s|:\s|\s:)\s*([A-Za-z0-9*?]+)$/.exec(text)
  if (separated) return `${separated[1]}:${separated[2]}`
  const joined = /^([a-z][a-z0-9-]*?)([A-Z*?][A-Za-z0-9*?]*)$/.exec(text)
  if (joined) return `${joined[1]}:${joined[2]}`
  return null
}

/** https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html */
export function checkActions(value: unknown, path: JsonPath, element: string, fail: FailAt): void {
  const list = checkStringList(value, path, element, fail)
  list.forEach((action, i) => {
    if (action === '*' || ACTION.test(action) || SPACED_ACTION.test(action)) return
    const at = typeof value === 'string' ? path : [...path, i]
    const guess = guessAction(action)
    const example = guess ? `, e.g. "${guess}"` : ', e.g. "s3:GetObject", or "*" for every action'
    fail(at, `"${clip(action)}" is not an action — write it as "service:Action"${example}`)
  })
}

export function checkResources(value: unknown, path: JsonPath, element: string, fail: FailAt): void {
  const list = checkStringList(value, path, element, fail)
  list.forEach((resource, i) => {
    if (resource === '') fail(typeof value === 'string' ? path : [...path, i], `"${element}" holds an empty string — write an ARN or "*"`)
  })
}

const PRINCIPAL_TYPES = ['AWS', 'Service', 'Federated', 'CanonicalUser'] as const

/** https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html */
export function checkPrincipal(value: unknown, path: JsonPath, element: string, site: Site, label: string): void {
  const fail: FailPart = (p, part, reason) => invalid(site, p, part, label, reason)
  if (value === '*') return
  if (typeof value === 'string') {
    const type = /\.amazonaws\.com(\.cn)?$/.test(value) ? 'Service' : 'AWS'
    fail(path, 'value', `"${element}": "${clip(value)}" is not valid — write "*" or an object such as {"${type}": "${clip(value)}"}`)
  }
  if (!isObject(value)) fail(path, 'value', `"${element}" must be "*" or an object such as {"AWS": "arn:aws:iam::111122223333:root"}, found ${typeName(value)}`)
  const entries = Object.entries(value)
  if (entries.length === 0) fail(path, 'value', `"${element}" is an empty object — name at least one principal, e.g. {"AWS": "arn:aws:iam::111122223333:root"}`)
  for (const [type, list] of entries) {
    if (!(PRINCIPAL_TYPES as readonly string[]).includes(type)) {
      const s = closest(type, PRINCIPAL_TYPES)
      const hint = s?.caseOnly
        ? `principal types are case-sensitive; use "${s.name}"`
        : s
          ? `did you mean "${s.name}"?`
          : 'use "AWS", "Service", "Federated" or "CanonicalUser"'
      fail([...path, type], 'key', `unknown principal type "${clip(type)}" in "${element}" — ${hint}`)
    }
    checkStringList(list, [...path, type], `${element}.${type}`, (p, reason) => fail(p, 'value', reason))
  }
}

let operatorNames: string[] | null = null

/** Every operator spelling IAM accepts, for suggestions. */
function allOperatorNames(): string[] {
  if (!operatorNames) {
    const bases = Object.values(OPERATOR_FAMILIES).flat() as string[]
    const plain = bases.flatMap((b) => (b === 'Null' ? [b] : [b, `${b}IfExists`]))
    operatorNames = [...plain, ...SET_OPERATORS.flatMap((s) => plain.map((p) => `${s}:${p}`))]
  }
  return operatorNames
}

const OPERATORS_DOC = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html'

function operatorProblem(op: string): string {
  if (/(^|:)NullIfExists$/i.test(op)) {
    return `"${op}" is not a condition operator — Null already tests whether the key exists and cannot take IfExists; use "Null"`
  }
  const s = closest(op, allOperatorNames())
  if (s?.caseOnly) return `unknown condition operator "${clip(op)}" — operator names are case-sensitive; use "${s.name}"`
  if (s) return `unknown condition operator "${clip(op)}" — did you mean "${s.name}"?`
  return `unknown condition operator "${clip(op)}" — see ${OPERATORS_DOC}`
}

const VALUE_SHAPE = 'a condition value must be a string, number or boolean, or a list of them'

/** https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html */
export function checkCondition(value: unknown, path: JsonPath, site: Site, label: string): void {
  const fail: FailPart = (p, part, reason) => invalid(site, p, part, label, reason)
  if (!isObject(value)) {
    fail(path, 'value', `"Condition" must be an object of operators, e.g. {"StringEquals": {"aws:username": "alice"}}, found ${typeName(value)}`)
  }
  for (const [op, block] of Object.entries(value)) {
    if (!parseOperator(op)) fail([...path, op], 'key', operatorProblem(op))
    if (!isObject(block)) {
      fail([...path, op], 'value', `"${op}" must map condition keys to values, e.g. {"aws:username": "alice"}, found ${typeName(block)}`)
    }
    for (const [key, v] of Object.entries(block)) {
      // A scalar is the usual value: the wording and the path are built only for a list, which may fail.
      if (isScalar(v)) continue
      const where = `the value of "${clip(key)}" under "${op}"`
      const at = [...path, op, key]
      if (!Array.isArray(v)) fail(at, 'value', `${where} is ${typeName(v)} — ${VALUE_SHAPE}`)
      v.forEach((item, i) => {
        if (isScalar(item)) return
        const what = Array.isArray(item) ? 'a list inside a list' : typeName(item)
        fail([...at, i], 'value', `${where} holds ${what} — ${VALUE_SHAPE}`)
      })
    }
  }
}

function isScalar(v: unknown): v is string | number | boolean {
  return typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))
}
