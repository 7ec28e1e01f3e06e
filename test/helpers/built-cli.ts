import { spawnSync } from 'node:child_process'
import { join } from 'node:path'

const root = new URL('../..', import.meta.url).pathname

export interface BuiltCliRun {
  readonly status: number | null
  readonly stdout: string
  readonly stderr: string
}

/**
 * Runs the built CLI (`node bin/run.js ARGS`) from the project's root, as a shell would: the
 * environment is this process's with the locale variables cleared (a test names the language
 * it wants), then `env` on top; a value of undefined removes that variable.
 */
export function runBuiltCli(args: readonly string[], env: Readonly<Record<string, string | undefined>> = {}): BuiltCliRun {
  const merged: Record<string, string | undefined> = { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: '', ...env }
  for (const [name, value] of Object.entries(merged)) if (value === undefined) delete merged[name]
  const result = spawnSync('node', [join(root, 'bin', 'run.js'), ...args], { cwd: root, encoding: 'utf8', env: merged })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}
