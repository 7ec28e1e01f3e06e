import { readFile } from 'node:fs/promises'
import { fileProblem } from '../file-problem.js'
import { UserError } from '../user-error.js'

/**
 * Text from bytes: UTF-8, or UTF-16 when the bytes start with its byte-order mark (what
 * Windows PowerShell's `>` and `Out-File` write), which read as UTF-8 would be unreadable.
 */
export function decodeText(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2))
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2))
  return bytes.toString('utf8')
}

/** Reads a file argument, or standard input for `-` or no argument when input is piped. */
export async function readInput(file: string | undefined, what: string): Promise<{ text: string; name: string }> {
  if (file && file !== '-') {
    try {
      return { text: decodeText(await readFile(file)), name: file }
    } catch (error) {
      throw new UserError(`Cannot read ${what} ${file}: ${fileProblem(error, file)}.`)
    }
  }
  if (process.stdin.isTTY) throw new UserError(`Give ${what} as an argument, or pipe it on standard input.`, 2)
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return { text: decodeText(Buffer.concat(chunks)), name: 'standard input' }
}
