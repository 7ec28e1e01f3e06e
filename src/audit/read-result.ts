/**
 * A saved `audit --json` result, read back for `--baseline` and `audit merge`. It is checked
 * field by field: a result from another tool, another version, or a truncated upload is
 * refused with what is wrong and where, rather than read as "nothing changed".
 */
import { readFile } from 'node:fs/promises'
import { DECISIONS } from '../model/index.js'
import { fileProblem } from '../file-problem.js'
import { readJsonText } from '../policy/read-json-text.js'
import { UserError } from '../user-error.js'
import { OUTCOMES } from './judge.js'
import { RESULT_FORMAT, RESULT_VERSION, type AuditResult } from './result.js'

type Json = Record<string, unknown>

class Shape {
  constructor(private readonly file: string) {}

  fail(path: string, problem: string): never {
    throw new UserError(`${this.file} is not a denydoctor audit result (the output of \`denydoctor audit --json\`): ${path} ${problem}.`)
  }

  object(value: unknown, path: string): Json {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) this.fail(path, 'is not an object')
    return value as Json
  }

  array(value: unknown, path: string): unknown[] {
    if (!Array.isArray(value)) this.fail(path, 'is not a list')
    return value
  }

  string(value: unknown, path: string, nullable = false): string | null {
    if (typeof value === 'string' || (nullable && value === null)) return value as string | null
    return this.fail(path, nullable ? 'is neither text nor null' : 'is not text')
  }

  integer(value: unknown, path: string): number {
    if (!Number.isInteger(value) || (value as number) < 0) this.fail(path, 'is not a whole number')
    return value as number
  }

  oneOf(value: unknown, path: string, choices: readonly (string | null)[]): void {
    if (!choices.includes(value as string | null)) this.fail(path, `is ${JSON.stringify(value)}, not one of ${choices.map((c) => JSON.stringify(c)).join(', ')}`)
  }
}

function checkShape(value: unknown, file: string): AuditResult {
  const s = new Shape(file)
  const top = s.object(value, 'the document')
  if (top['format'] !== RESULT_FORMAT) s.fail('"format"', `is ${JSON.stringify(top['format'] ?? null)} (expected "${RESULT_FORMAT}")`)
  if (top['version'] !== RESULT_VERSION) {
    throw new UserError(`${file} is an audit result of version ${JSON.stringify(top['version'])}, but this denydoctor reads version ${RESULT_VERSION} only.`)
  }
  const audit = s.object(top['audit'], 'audit')
  s.string(audit['file'], 'audit.file')
  s.string(audit['digest'], 'audit.digest')
  s.string(top['source'], 'source')
  if (top['shard'] !== null) {
    const shard = s.object(top['shard'], 'shard')
    s.integer(shard['count'], 'shard.count')
    s.array(shard['indices'], 'shard.indices').forEach((i, n) => s.integer(i, `shard.indices[${n}]`))
  }
  const options = s.object(top['options'], 'options')
  if (typeof options['allowUndetermined'] !== 'boolean') s.fail('options.allowUndetermined', 'is not true or false')
  s.array(top['expectations'], 'expectations').forEach((raw, i) => {
    const e = s.object(raw, `expectations[${i}]`)
    s.string(e['name'], `expectations[${i}].name`)
    s.string(e['expected'], `expectations[${i}].expected`)
    s.integer(e['checkCount'], `expectations[${i}].checkCount`)
    s.array(e['warnings'], `expectations[${i}].warnings`)
    s.array(e['errors'], `expectations[${i}].errors`)
    s.array(e['checks'], `expectations[${i}].checks`).forEach((rawCheck, j) => {
      const path = `expectations[${i}].checks[${j}]`
      const c = s.object(rawCheck, path)
      s.integer(c['index'], `${path}.index`)
      s.string(c['principal'], `${path}.principal`)
      s.string(c['action'], `${path}.action`)
      s.string(c['resource'], `${path}.resource`, true)
      s.string(c['summary'], `${path}.summary`)
      s.oneOf(c['outcome'], `${path}.outcome`, OUTCOMES)
      s.oneOf(c['decision'], `${path}.decision`, [...DECISIONS, null])
      s.array(c['missingAllows'], `${path}.missingAllows`)
      s.array(c['incomplete'], `${path}.incomplete`)
      s.array(c['warnings'], `${path}.warnings`)
    })
  })
  return top as unknown as AuditResult
}

export function parseAuditResult(text: string, file: string): AuditResult {
  if (text.trim() === '') throw new UserError(`${file} is empty: expected the JSON written by \`denydoctor audit --json\`.`)
  return checkShape(readJsonText(text, file), file)
}

export async function readAuditResult(file: string): Promise<AuditResult> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    throw new UserError(`Cannot read the audit result ${file}: ${fileProblem(error, file)}.`)
  }
  return parseAuditResult(text, file)
}
