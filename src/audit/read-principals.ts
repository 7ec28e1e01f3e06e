/**
 * The `principals` of an expectation: ARNs, or selectors of users or roles by name pattern and
 * IAM path, optionally per account: `{roles: "Deploy*"}`, `{roles: {path: "/ops/"}}`,
 * `{users: "*", account: "111111111111"}`.
 */
import { isMap, isScalar, type Node } from 'yaml'
import { ACCOUNT_ID, principalFromArn } from '../model/index.js'
import type { PrincipalSpec } from './types.js'
import { describeNode, unknownKeyMessage, type NodeReader } from './yaml-nodes.js'

const SELECTOR_KEYS = ['roles', 'users', 'account', 'accounts'] as const
const NAME_KEYS = ['name', 'path'] as const
/** IAM names: letters, digits and +=,.@_- (https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateRole.html), plus wildcards. */
const NAME_PATTERN = /^[\w+=,.@*?-]+$/
const PATH = /^\/([\x21-\x7e]+\/)?$/

export function readAccount(reader: NodeReader, node: Node | null, what: string): string {
  const value = reader.string(node, what)
  if (!ACCOUNT_ID.test(value)) reader.fail(node, `${what} ${JSON.stringify(value)} is not a 12-digit account ID`)
  return value
}

function readArn(reader: NodeReader, node: Node | null): PrincipalSpec {
  const arn = reader.string(node, 'a principal')
  const info = principalFromArn(arn)
  if (!info || info.kind === 'service' || info.kind === 'anonymous') {
    const hint = /^arn:/.test(arn) ? '' : `; to select roles by name write {roles: ${JSON.stringify(arn)}}`
    reader.fail(node, `principal ${JSON.stringify(arn)} is not the ARN of an IAM user, role, role session, federated user or root user${hint}`)
  }
  return { kind: 'arn', arn }
}

function readNamePath(reader: NodeReader, node: Node | null, kind: 'role' | 'user'): { name: string; path: string | null } {
  const what = `the ${kind}s selector`
  if (isScalar(node)) return { name: checkName(reader, node, reader.string(node, what)), path: null }
  const map = reader.map(node, `${what} (a name pattern, or {name, path})`)
  let name = '*'
  let path: string | null = null
  for (const { key, keyNode, value } of reader.entries(map)) {
    if (key === 'name') name = checkName(reader, value, reader.string(value, `the ${kind} name pattern`))
    else if (key === 'path') {
      path = reader.string(value, `the ${kind} path`)
      if (!PATH.test(path)) reader.fail(value, `the path ${JSON.stringify(path)} is not an IAM path: it starts and ends with "/", as in "/ops/"`)
    } else reader.fail(keyNode, unknownKeyMessage(key, what, NAME_KEYS))
  }
  return { name, path }
}

function checkName(reader: NodeReader, node: Node | null, name: string): string {
  if (!NAME_PATTERN.test(name)) reader.fail(node, `${JSON.stringify(name)} is not an IAM name pattern (letters, digits, +=,.@_- and the wildcards * and ?)`)
  return name
}

function readSelector(reader: NodeReader, node: Node): PrincipalSpec {
  const map = reader.map(node, 'a principal selector')
  let kind: 'role' | 'user' | null = null
  let selected: { name: string; path: string | null } = { name: '*', path: null }
  const accounts: string[] = []
  for (const { key, keyNode, value } of reader.entries(map)) {
    if (key === 'roles' || key === 'users') {
      if (kind) reader.fail(keyNode, 'a selector takes either roles or users, not both; write two selectors')
      kind = key === 'roles' ? 'role' : 'user'
      selected = readNamePath(reader, value, kind)
    } else if (key === 'account') accounts.push(readAccount(reader, value, 'account'))
    else if (key === 'accounts') accounts.push(...reader.list(value, 'accounts', (item) => readAccount(reader, item, 'account')).map((a) => a.value))
    else reader.fail(keyNode, unknownKeyMessage(key, 'a principal selector', SELECTOR_KEYS))
  }
  if (!kind) reader.fail(node, 'a principal selector needs roles or users, as in {roles: "Deploy*"} or {users: "*"}')
  return { kind, ...selected, accounts: [...new Set(accounts)] }
}

/** One principal spec: an ARN or a selector. */
export function readPrincipal(reader: NodeReader, node: Node | null): PrincipalSpec {
  if (isMap(node)) return readSelector(reader, node)
  if (isScalar(node)) return readArn(reader, node)
  return reader.fail(node, `a principal must be an ARN or a selector such as {roles: "Deploy*"}, not ${describeNode(node)}`)
}

/** `{roles: "Deploy*", path: "/ops/"} in 111111111111`: how reports name a selector. */
export function principalLabel(spec: PrincipalSpec): string {
  if (spec.kind === 'arn') return spec.arn
  const parts = [`${spec.kind}s ${JSON.stringify(spec.name)}`]
  if (spec.path) parts.push(`under path ${spec.path}`)
  if (spec.accounts.length) parts.push(`in ${spec.accounts.join(', ')}`)
  return parts.join(' ')
}
