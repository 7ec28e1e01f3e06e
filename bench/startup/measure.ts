/**
 * Measurement 4, start-up: the built CLI (`bin/run.js`, which loads dist/) against a bare
 * `node -e 0`, each run N times one after another; medians of wall time. The build is run
 * first when dist/ is missing or older than src/ (unless the caller says not to).
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { median } from '../lib/stats.js'

export interface StartupRun {
  readonly label: string
  readonly command: string
  readonly medianMs: number
  readonly runsMs: readonly number[]
  readonly exitCode: number | null
}

export interface StartupResult {
  readonly build: string
  readonly runs: readonly StartupRun[]
  /** `--version` median over `node -e 0` median. */
  readonly versionRatio: number
  readonly evaluateRatio: number
}

function newest(dir: string): number {
  let latest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs)
  }
  return latest
}

/** Builds when dist/ is missing or older than src/; says what it did. Throws when a needed build fails or is not allowed. */
export function ensureBuild(root: string, allowBuild: boolean): string {
  const marker = join(root, 'dist', 'index.js')
  const stale = !existsSync(marker) || !existsSync(join(root, 'oclif.manifest.json')) || newest(join(root, 'src')) > statSync(marker).mtimeMs
  if (!stale) return 'dist/ is up to date'
  if (!allowBuild) throw new Error('dist/ is missing or older than src/: run `npm run build` first (or drop --no-build to let the bench build it).')
  const built = spawnSync('npm', ['run', 'build'], { cwd: root, encoding: 'utf8', shell: process.platform === 'win32' })
  if (built.status !== 0) {
    const tail = `${built.stdout}\n${built.stderr}`.trim().split('\n').slice(-8).join('\n')
    throw new Error(`\`npm run build\` failed, so start-up was not measured:\n${tail}`)
  }
  return 'built with `npm run build` (dist/ was missing or older than src/)'
}

function once(args: readonly string[], cwd: string): Promise<{ ms: number; code: number | null }> {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(process.execPath, args, { cwd, stdio: 'ignore', env: { ...process.env, NODE_NO_WARNINGS: '1' } })
    child.on('error', reject)
    child.on('exit', (code) => resolve({ ms: performance.now() - started, code }))
  })
}

async function timeCommand(label: string, args: readonly string[], cwd: string, runs: number): Promise<StartupRun> {
  await once(args, cwd) // warm the file cache
  const runsMs: number[] = []
  let exitCode: number | null = null
  for (let i = 0; i < runs; i++) {
    const { ms, code } = await once(args, cwd)
    runsMs.push(ms)
    exitCode = code
  }
  return { label, command: `node ${args.join(' ')}`, medianMs: median(runsMs), runsMs, exitCode }
}

export async function measureStartup(root: string, runs: number, allowBuild: boolean): Promise<StartupResult> {
  const build = ensureBuild(root, allowBuild)
  const bare = await timeCommand('node -e 0', ['-e', '0'], root, runs)
  const version = await timeCommand('--version', ['bin/run.js', '--version'], root, runs)
  const evaluate = await timeCommand('evaluate example', ['bin/run.js', 'evaluate', 'examples/scp-deny-runinstances.json'], root, runs)
  return { build, runs: [bare, version, evaluate], versionRatio: version.medianMs / bare.medianMs, evaluateRatio: evaluate.medianMs / bare.medianMs }
}
