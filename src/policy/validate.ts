/**
 * The document level: is it a policy (or a lone statement), is its Version one AWS knows,
 * is Statement there and made of objects. Statement contents: validate-statement.ts.
 * Grammar: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
 */
import { POLICY_VERSIONS } from '../model/policy.js'
import type { JsonPath } from './json-positions.js'
import { hasOwn, invalid, isObject, typeName, type Site } from './site.js'
import { closest } from './suggest.js'
import { STATEMENT_ELEMENTS, validateStatement } from './validate-statement.js'

export const TOP_LEVEL_ELEMENTS = ['Version', 'Id', 'Statement'] as const

/** A statement found in the document, with its path for error positions. */
export interface StatementRef {
  readonly path: JsonPath
  readonly index: number
  readonly value: Readonly<Record<string, unknown>>
}

export interface DocumentShape {
  readonly document: Readonly<Record<string, unknown>>
  /** True when the input was a lone statement without a Statement wrapper. */
  readonly bare: boolean
  readonly statements: readonly StatementRef[]
}

const WRAPPED = '{"Version": "2012-10-17", "Statement": [ … ]}'

/** Checks the document and every statement; throws PolicyInputError on the first problem. */
export function validateDocument(doc: unknown, site: Site): DocumentShape {
  if (!isObject(doc)) {
    const reason =
      Array.isArray(doc) && doc.length > 0 && doc.every(isObject)
        ? `the policy is a JSON list, but a policy is an object — wrap the statements: ${WRAPPED}`
        : `the policy must be a JSON object such as ${WRAPPED}, found ${typeName(doc)}`
    invalid(site, [], 'value', null, reason)
  }
  const keys = Object.keys(doc)
  const statementKeys = keys.filter((k) => (STATEMENT_ELEMENTS as readonly string[]).includes(k))
  if (!hasOwn(doc, 'Statement') && statementKeys.length > 0) return bareStatement(doc, keys, statementKeys[0]!, site)

  for (const key of keys) {
    if ((TOP_LEVEL_ELEMENTS as readonly string[]).includes(key)) continue
    if (statementKeys.includes(key)) {
      invalid(site, [key], 'key', null, `"${key}" belongs inside a statement, not at the top level of the policy`)
    }
    invalid(site, [key], 'key', null, unknownTopLevel(key))
  }
  if (!hasOwn(doc, 'Statement')) {
    invalid(site, [], 'value', null, 'it has no "Statement" — a policy needs "Statement": [ { "Effect": …, "Action": …, "Resource": … } ]')
  }
  checkVersion(doc, site)
  if (hasOwn(doc, 'Id') && typeof doc['Id'] !== 'string') {
    invalid(site, ['Id'], 'value', null, `"Id" must be a string, found ${typeName(doc['Id'])}`)
  }
  const statements = statementList(doc['Statement'], site)
  for (const s of statements) validateStatement(s.value, s.path, s.index, site)
  return { document: doc, bare: false, statements }
}

function bareStatement(doc: Record<string, unknown>, keys: readonly string[], first: string, site: Site): DocumentShape {
  for (const key of keys) {
    if (key === 'Version' || key === 'Id') {
      invalid(
        site,
        [key],
        'key',
        null,
        `"${key}" sits next to statement elements such as "${first}" — wrap the statement: {"Version": "2012-10-17", "Statement": [ { "${first}": … } ]}`,
      )
    }
  }
  validateStatement(doc, [], 0, site)
  return { document: doc, bare: true, statements: [{ path: [], index: 0, value: doc }] }
}

function unknownTopLevel(key: string): string {
  const suggestion = closest(key, [...TOP_LEVEL_ELEMENTS, ...STATEMENT_ELEMENTS])
  if (suggestion?.caseOnly) return `unknown element "${key}" — element names are case-sensitive; use "${suggestion.name}"`
  if (suggestion) return `unknown element "${key}" — did you mean "${suggestion.name}"?`
  return `unknown element "${key}" — a policy holds only "Version", "Id" and "Statement"`
}

/** https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_version.html */
function checkVersion(doc: Record<string, unknown>, site: Site): void {
  if (!hasOwn(doc, 'Version')) return
  const version = doc['Version']
  if (typeof version !== 'string') {
    invalid(site, ['Version'], 'value', null, `"Version" must be the string "2012-10-17", found ${typeName(version)}`)
  }
  if (!(POLICY_VERSIONS as readonly string[]).includes(version)) {
    invalid(
      site,
      ['Version'],
      'value',
      null,
      `"Version": "${version}" is not valid — use "2012-10-17" (Version names the policy language, not the date the policy was written)`,
    )
  }
}

function statementList(value: unknown, site: Site): StatementRef[] {
  if (isObject(value)) return [{ path: ['Statement'], index: 0, value }]
  if (!Array.isArray(value)) {
    invalid(site, ['Statement'], 'value', null, `"Statement" must be a statement object or a list of them, found ${typeName(value)}`)
  }
  if (value.length === 0) {
    invalid(site, ['Statement'], 'value', null, '"Statement" is an empty list — a policy needs at least one statement')
  }
  return value.map((item, index) => {
    if (!isObject(item)) {
      invalid(
        site,
        ['Statement', index],
        'value',
        `statement ${index + 1}`,
        `a statement must be an object such as {"Effect": …, "Action": …, "Resource": …}, found ${typeName(item)}`,
      )
    }
    return { path: ['Statement', index], index, value: item }
  })
}
