import { readFile } from 'node:fs/promises'
import { fileProblem } from '../file-problem.js'
import { UserError } from '../user-error.js'

/** Reads a file argument, or standard input for `-` or no argument when input is piped. */
export async function readInput(file: string | undefined, what: string): Promise<{ text: string; name: string }> {
  if (file && file !== '-') {
    try {
      return { text: await readFile(file, 'utf8'), name: file }
    } catch (error) {
      throw new UserError(`Cannot read ${what} ${file}: ${fileProblem(error, file)}.`)
    }
  }
  if (process.stdin.isTTY) throw new UserError(`Give ${what} as an argument, or pipe it on standard input.`, 2)
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return { text: Buffer.concat(chunks).toString('utf8'), name: 'standard input' }
}
