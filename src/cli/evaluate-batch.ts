import { once } from 'node:events'
import { evaluateCase } from '../evaluate-case.js'
import type { Verdict } from '../model/index.js'
import { verdictJsonPieces, verdictToJson } from '../report/index.js'
import type { CaseEntry } from './case-documents.js'
import { LineBytes } from './line-bytes.js'
import { EXIT, exitStatusFor, worstStatus } from './exit-status.js'

/** One case's outcome: its verdict, or why it could not be evaluated. */
export type CaseResult = Verdict | { readonly error: string }

/** Evaluates one entry; a malformed case or policy is that case's error, anything else a program failure. */
export function evaluateEntry(entry: CaseEntry, assumeAbsent: boolean): CaseResult {
  if ('error' in entry) return { error: entry.error }
  try {
    const value = assumeAbsent ? withCompleteContext(entry.value) : entry.value
    // Entries come from JSON text: the policy cache may key their documents by JSON.stringify.
    // Each verdict is written whole, findings and all.
    return evaluateCase(value, { fromJson: true, findingsNow: true })
  } catch (error) {
    if ((error as Error).name === 'CaseError' || (error as Error).name === 'PolicyInputError') return { error: `${entry.label}: ${(error as Error).message}` }
    throw error
  }
}

function withCompleteContext(value: unknown): unknown {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? { ...value, contextComplete: true } : value
}

export const statusOf = (result: CaseResult): number => ('error' in result ? EXIT.failed : exitStatusFor(result.decision))

/** Text to a stream as UTF-8, in blocks, waiting whenever the stream asks to (backpressure). */
export class BlockWriter {
  private readonly bytes: LineBytes
  constructor(
    private readonly stream: NodeJS.WritableStream,
    private readonly blockSize = 64 * 1024,
    /**
     * The stream is done with the bytes it is given once it has none left to write (standard
     * output: Node writes to files and pipes synchronously). Then one buffer serves every
     * block. Other streams (a PassThrough's reader) may keep the bytes they were given.
     */
    private readonly copiesAtOnce = false,
  ) {
    this.bytes = new LineBytes(Math.max(blockSize * 2, 1024))
  }

  async write(text: string): Promise<void> {
    this.bytes.append(text)
    if (this.bytes.length >= this.blockSize) await this.flush()
  }

  /** One case's JSON line (see appendJsonLine). */
  async writeLine(result: CaseResult): Promise<void> {
    appendJsonLine(result, this.bytes)
    if (this.bytes.length >= this.blockSize) await this.flush()
  }

  async flush(): Promise<void> {
    if (this.bytes.length === 0) return
    const bytes = this.bytes.peek()
    const more = this.stream.write(bytes)
    // Standard output to a file or a pipe takes the bytes in at once: the buffer is then
    // written over, where a new one for every 64 KB left hundreds of MB of garbage outside the
    // heap for the collector to find. Bytes still waiting to be written keep their buffer.
    if (this.tookAll()) this.bytes.clear()
    else this.bytes.take()
    if (!more) await once(this.stream, 'drain')
  }

  /** Whether the stream is done with every byte it was given (copiesAtOnce): their memory can be written over. */
  private tookAll(): boolean {
    return this.copiesAtOnce && (this.stream as Partial<NodeJS.WriteStream>).writableLength === 0
  }

  /**
   * Bytes already encoded (a block's verdict lines), after the text before them. Whether the
   * stream is done with them (took them in at once, see copiesAtOnce): their memory can then be
   * used again.
   */
  async writeBytes(bytes: Uint8Array): Promise<boolean> {
    await this.flush()
    const more = this.stream.write(bytes)
    const done = this.tookAll()
    if (!more) await once(this.stream, 'drain')
    return done
  }
}

/** One case's JSON value: its verdict, or `{"error": …}`. */
const jsonValue = (result: CaseResult): unknown => ('error' in result ? { error: result.error } : verdictToJson(result))

/** One case's JSON Lines line, appended as UTF-8 (its pieces encoded one by one: verdictJsonPieces). */
export function appendJsonLine(result: CaseResult, bytes: LineBytes): void {
  if ('error' in result) {
    bytes.append(`${JSON.stringify({ error: result.error })}\n`)
    return
  }
  const [before, warnings] = verdictJsonPieces(result)
  bytes.append(before)
  bytes.append(warnings)
  bytes.newline()
}

/** Going on in worker threads once a JSON Lines input has given this many cases (evaluate-parallel.ts). */
export interface Parallel {
  readonly jobs: number
  readonly after: number
  /** The rest of the input's cases evaluated and written (in order) by the workers; the worst status of them. */
  readonly rest: () => Promise<number> | null
}

/**
 * `evaluate --json` over a stream of entries: each verdict is written as soon as it is made,
 * one JSON line per case in input order, `{"error": …}` for a case that could not be
 * evaluated (also said on standard error). A lone case is printed indented, as before. Memory
 * holds one case at a time. Returns the exit status: the worst of all (cli-contract.md).
 */
export async function evaluateJsonLines(entries: AsyncIterable<CaseEntry>, out: BlockWriter, err: (line: string) => void, assumeAbsent: boolean, parallel?: Parallel): Promise<number> {
  let status: number = EXIT.allowed
  let held: CaseResult | null = null
  let count = 0
  // Asked once, when `after` cases are in: the answer samples the processors (defaultJobs).
  let askParallel = parallel !== undefined && parallel.jobs > 1
  for await (const entry of entries) {
    const result = evaluateEntry(entry, assumeAbsent)
    if ('error' in result) err(`denydoctor: ${result.error}\n`)
    status = worstStatus([status, statusOf(result)])
    count++
    if (count === 1) {
      held = result
      continue
    }
    if (held) {
      await out.writeLine(held)
      held = null
    }
    await out.writeLine(result)
    if (askParallel && count >= parallel!.after) {
      askParallel = false
      // Leaving the loop stops taking entries one by one; the rest comes as blocks of lines.
      const rest = parallel!.rest()
      if (rest) {
        await out.flush()
        status = worstStatus([status, await rest])
        break
      }
    }
  }
  if (held) await out.write(`${JSON.stringify(jsonValue(held), null, 2)}\n`)
  await out.flush()
  return status
}
