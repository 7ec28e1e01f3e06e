/**
 * A check's text in the `--json` document, made where the check ran, as UTF-8 bytes. With
 * several jobs, each thread turns its own checks into their JSON while the others are still
 * running theirs, so that writing the report at the end is only writing bytes (the main
 * thread's serial tail: no stringify, no UTF-8 encoding), and a worker's part crosses to the
 * main thread as one transferred buffer rather than as objects the main thread must rebuild
 * field by field. Bytes sit outside the JavaScript heap: the collector does not trace or move
 * them, and they take half the room of a string that holds an em dash.
 *
 * A check that crossed as text is an object whose fields are read from that text on first use
 * (one JSON.parse): an audit written as JSON reads only its index and outcome.
 */
import { Buffer } from 'node:buffer'
import { nestedJson } from './json-chunks.js'
import type { CheckResult } from './result.js'

/** How deep a check's value sits in the document: result › expectations › expectation › checks › check. */
export const CHECK_DEPTH = 4

/**
 * The text of a check that has it, as `nestedJson(check, CHECK_DEPTH)` gives it, and the
 * fields read back from it: on the check itself, under symbols and not enumerable, so that
 * no report, copy or comparison sees them (a WeakMap of 100,000 entries cost the collector
 * more than the checks).
 */
const TEXT = Symbol('denydoctor.checkJson')
const PARSED = Symbol('denydoctor.checkFields')
type WithText = { [TEXT]?: Buffer; [PARSED]?: CheckResult }

/** `nestedJson(check, CHECK_DEPTH)`: its UTF-8 bytes made when the check ran (see `keptAsJson`), or the text now. */
export function checkJson(check: CheckResult): string | Buffer {
  return (check as WithText)[TEXT] ?? nestedJson(check, CHECK_DEPTH)
}

/** Whether the check's text is made already (then writing the document costs no stringify). */
export function hasCheckJson(check: CheckResult): boolean {
  return (check as WithText)[TEXT] !== undefined
}

/**
 * The check as its text (made now) and a light object that reads its fields from that text:
 * what a job keeps of a check it ran. The full check — verdict path, statements — is garbage
 * at once instead of being held, and traced by every collection, until the report is written.
 */
export function keptAsJson(check: CheckResult): CheckResult {
  return checkFromJson(headOf(check), Buffer.from(nestedJson(check, CHECK_DEPTH), 'utf8'))
}

/**
 * A part's checks as one buffer of their texts end to end, and where each ends (what a
 * worker sends; `checksFromPart` is the other side). The buffer is its own, so it can be
 * transferred rather than copied.
 */
export function partAsJson(checks: readonly CheckResult[]): { heads: CheckHead[]; bytes: Uint8Array; ends: number[] } {
  const texts = checks.map((c) => nestedJson(c, CHECK_DEPTH))
  const ends: number[] = []
  let end = 0
  for (const text of texts) ends.push((end += Buffer.byteLength(text, 'utf8')))
  // Written text by text: joining them first (one large string to flatten) cost more than the stringify.
  const bytes = Buffer.allocUnsafeSlow(end)
  let at = 0
  for (const text of texts) at += bytes.write(text, at, 'utf8')
  return { heads: checks.map(headOf), bytes, ends }
}

/** The checks of a part a worker sent (`partAsJson`). */
export function checksFromPart(part: { readonly heads: readonly CheckHead[]; readonly bytes: Uint8Array; readonly ends: readonly number[] }): CheckResult[] {
  return part.heads.map((head, i) => {
    const start = i === 0 ? 0 : part.ends[i - 1]!
    return checkFromJson(head, Buffer.from(part.bytes.buffer, part.bytes.byteOffset + start, part.ends[i]! - start))
  })
}

/** What a check sends besides its text: the fields a run reads of every check, and whether it has a path. */
export type CheckHead = readonly [index: number, outcome: CheckResult['outcome'], hasPath: boolean]

export function headOf(check: CheckResult): CheckHead {
  return [check.index, check.outcome, check.path !== undefined]
}

/** A CheckResult's fields in their order (the order of runCheck's object, which the text keeps). */
const FIELDS = ['index', 'principal', 'action', 'resource', 'expected', 'decision', 'outcome', 'deciding', 'missingAllows', 'summary', 'incomplete', 'warnings'] as const

function fieldsOf(check: WithText): CheckResult {
  return (check[PARSED] ??= JSON.parse(check[TEXT]!.toString('utf8')) as CheckResult)
}

/** Getters shared by every check that crossed as text: one descriptor map, not one closure per field and check. */
function lazy(keys: readonly string[]): PropertyDescriptorMap {
  const map: PropertyDescriptorMap = {}
  for (const key of keys) {
    map[key] = {
      enumerable: true,
      get(this: object) {
        return fieldsOf(this)[key as keyof CheckResult]
      },
    }
  }
  return map
}
/** The fields between index and outcome, and after outcome (FIELDS' order). */
const BEFORE_OUTCOME = lazy(FIELDS.slice(1, FIELDS.indexOf('outcome')))
const AFTER_OUTCOME = lazy(FIELDS.slice(FIELDS.indexOf('outcome') + 1))
const AFTER_OUTCOME_WITH_PATH = lazy([...FIELDS.slice(FIELDS.indexOf('outcome') + 1), 'path'])

/**
 * The check a head and its text stand for: index and outcome at hand, every other field read
 * from the text when first asked for, in the same key order as the check that was sent.
 */
export function checkFromJson(head: CheckHead, text: Buffer): CheckResult {
  const [index, outcome, hasPath] = head
  const check = {}
  Object.defineProperty(check, 'index', { value: index, enumerable: true })
  Object.defineProperties(check, BEFORE_OUTCOME)
  Object.defineProperty(check, 'outcome', { value: outcome, enumerable: true })
  Object.defineProperties(check, hasPath ? AFTER_OUTCOME_WITH_PATH : AFTER_OUTCOME)
  Object.defineProperty(check, TEXT, { value: text })
  Object.defineProperty(check, PARSED, { writable: true, value: undefined })
  return check as CheckResult
}
