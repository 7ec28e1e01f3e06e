import { Readable } from 'node:stream'
import { Errors } from '@oclif/core'
import { vi } from 'vitest'

const root = new URL('../..', import.meta.url).pathname

export interface CommandResult {
  readonly stdout: string
  readonly stderr: string
  readonly status: number
}

/**
 * Runs a command class in-process, as `denydoctor <argv>` would, capturing its output and
 * exit status. `stdin`, when given, is what the command reads from standard input.
 */
/** A command class: what `Command.run` needs. */
export interface RunnableCommand {
  run(argv: string[], root: string): Promise<unknown>
}

export async function runCommand(command: RunnableCommand, argv: string[], stdin?: string): Promise<CommandResult> {
  let stdout = ''
  let stderr = ''
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += chunk.toString()
    return true
  })
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += chunk.toString()
    return true
  })
  const originalStdin = Object.getOwnPropertyDescriptor(process, 'stdin')!
  if (stdin !== undefined) {
    const stream = Object.assign(Readable.from([Buffer.from(stdin)]), { isTTY: false })
    Object.defineProperty(process, 'stdin', { value: stream, configurable: true })
  }
  // oclif keeps what it once read from standard input for the whole process; each run starts clean.
  const oclifGlobal = (globalThis as { oclif?: { stdinCache?: string } }).oclif
  if (oclifGlobal) delete oclifGlobal.stdinCache
  let status = 0
  try {
    await command.run(argv, root)
  } catch (error) {
    if (error instanceof Errors.ExitError) status = error.oclif.exit ?? 0
    else if (error instanceof Errors.CLIError) {
      status = error.oclif.exit ?? 2
      stderr += error.message
    } else throw error
  } finally {
    out.mockRestore()
    err.mockRestore()
    Object.defineProperty(process, 'stdin', originalStdin)
  }
  return { stdout, stderr, status }
}
