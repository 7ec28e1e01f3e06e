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
      return { chunks: handle.createReadStream({ highWaterMark: 256 * 1024 }), name: file }
    } catch (error) {
      throw new UserError(`Cannot read a case file ${file}: ${fileProblem(error, file)}.`)
    }
  }
  if (process.stdin.isTTY) throw new UserError('Give a case file as an argument, or pipe it on standard input.', 2)
  return { chunks: process.stdin, name: 'standard input' }
}
