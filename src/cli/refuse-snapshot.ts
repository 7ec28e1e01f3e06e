import { SNAPSHOT_FORMAT } from '../sources/snapshot/format.js'
import { LocalizedUserError } from './localized-error.js'

/**
 * A snapshot handed to `evaluate` is a mistake of command, not a broken case file: say what the
 * file is and which commands read it, instead of "request is missing". A .json.gz snapshot reads
 * as gzip's magic bytes (1f 8b; 8b is not UTF-8, so it decodes as U+FFFD).
 */
function refuseSnapshot(input: { readonly text: string; readonly name: string }): void {
  const gzip = input.text.startsWith('\u001f\uFFFD')
  const snapshot = gzip || new RegExp(`^\\s*\\{\\s*"format"\\s*:\\s*"${SNAPSHOT_FORMAT}"`).test(input.text.slice(0, 200))
  if (!snapshot) return
  throw new LocalizedUserError((m) => m['cli.snapshotNotCase'](input.name, gzip), 2)
}

/**
 * refuseSnapshot on a stream of case-file chunks: looks at the first chunk (a snapshot says so
 * in its first bytes) and hands back a stream that still yields every chunk.
 */
export async function refuseSnapshotStream<T extends Buffer | string>(chunks: AsyncIterable<T>, name: string): Promise<AsyncIterable<T>> {
  const iterator = chunks[Symbol.asyncIterator]()
  const first = await iterator.next()
  if (!first.done) {
    const head = typeof first.value === 'string' ? first.value.slice(0, 200) : first.value.subarray(0, 200).toString('utf8')
    refuseSnapshot({ text: head, name })
  }
  return (async function* () {
    if (first.done) return
    yield first.value
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value
  })()
}
