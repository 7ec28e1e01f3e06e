import { open } from 'node:fs/promises'
import { fileProblem } from '../file-problem.js'
import { UserError } from '../user-error.js'

/**
 * A case file as a stream of chunks: the file argument, or standard input for `-` or no
 * argument when input is piped. The file is opened first, so that a missing or unreadable
 * file is one clear sentence before anything is evaluated.
 */
export async function caseSource(file: string | undefined): Promise<{ chunks: AsyncIterable<Buffer>; name: string }> {
  if (file && file !== '-') {
    try {
      const handle = await open(file, 'r')
      if ((await handle.stat()).isDirectory()) {
        await handle.close()
        throw Object.assign(new Error('is a directory'), { code: 'EISDIR' })
      }
      return { chunks: readOrSay(handle.createReadStream({ highWaterMark: 256 * 1024 }), file), name: file }
    } catch (error) {
      throw new UserError(`Cannot read a case file ${file}: ${fileProblem(error, file)}.`)
    }
  }
  if (process.stdin.isTTY) throw new UserError('Give a case file as an argument, or pipe it on standard input.', 2)
  return { chunks: readOrSay(process.stdin, 'standard input'), name: 'standard input' }
}

/**
 * The chunks of a stream, a failure to read them (once opened: an I/O error, a pipe that
 * breaks) said as one sentence naming the input, as a failure to open it is.
 */
async function* readOrSay(chunks: AsyncIterable<Buffer>, name: string): AsyncGenerator<Buffer> {
  try {
    yield* chunks
  } catch (error) {
    throw new UserError(`Cannot read ${name === 'standard input' ? name : `a case file ${name}`}: ${fileProblem(error, name)}.`)
  }
}
