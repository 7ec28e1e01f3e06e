/**
 * One top-level entry of a catalogue file, read without parsing the whole file.
 *
 * iam-data writes each file as `JSON.stringify(value, null, 2)`: every top-level key sits at
 * the start of a line after exactly two spaces (`\n  "runinstances": {`), and its object ends
 * at the next line that is two spaces and `}`; deeper lines are indented further, and a string
 * never holds a raw line break. So an entry can be found with one `indexOf` and parsed alone.
 * A fresh process met ec2.json (615 KB) on its first EC2 request: parsing it whole cost
 * 5–8 ms and kept megabytes alive, for the one action asked about.
 *
 * `undefined` means "not found this way": the caller then parses the whole file, which stays the
 * reference (test/catalogue/entry-text.test.ts checks that both agree on every entry shipped).
 */

/** Keys looked up this way: what iam-data's keys are made of (lower-case action names, resource types). */
const PLAIN_KEY = /^[a-z0-9][a-z0-9_.-]*$/

/** Whether the text is laid out as the lookup expects: an object whose first key is indented by two spaces. */
export function isTwoSpaceLayout(text: string): boolean {
  return text.startsWith('{\n  "')
}

/** The entry under `key` at the top level of `text` (two-space layout), parsed; undefined when not found so. */
export function entryOf(text: string, key: string): unknown {
  if (!PLAIN_KEY.test(key)) return undefined
  const head = `\n  "${key}": {`
  const at = text.indexOf(head)
  if (at < 0) return undefined
  const open = at + head.length - 1
  // An empty object is written on its line (`{}`): left to the whole parse.
  if (text.charCodeAt(open + 1) !== 10) return undefined
  const close = text.indexOf('\n  }', open)
  if (close < 0) return undefined
  try {
    return JSON.parse(text.slice(open, close + 4)) as unknown
  } catch {
    return undefined
  }
}
