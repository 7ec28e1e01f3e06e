import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

/**
 * The package as someone who never cloned the repository gets it: `npm pack`, installed into a
 * prefix of its own, run from an empty directory. Packs what `npm run build` left in dist/
 * (`npm test` builds first). The install prefers npm's cache (filled by `npm ci`) and asks
 * the npm registry only for what the cache lacks.
 */
const root = new URL('../..', import.meta.url).pathname
const work = mkdtempSync(join(tmpdir(), 'denydoctor-install-'))
const prefix = join(work, 'prefix')
const empty = join(work, 'empty')
const bin = join(prefix, 'bin', 'denydoctor')
afterAll(() => rmSync(work, { recursive: true, force: true }))

// npm run from `npm test` passes its own settings down (npm_config_*); this install has its own.
const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_config_(prefix|global|location)$/i.test(key)))

let files: string[] = []

beforeAll(() => {
  if (!existsSync(join(root, 'dist', 'index.js'))) throw new Error('dist/ is missing: run `npm run build` first (npm test does).')
  const packed = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], { cwd: root, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }),
  ) as { filename: string; files: { path: string }[] }[]
  files = packed[0]!.files.map((f) => f.path)
  execFileSync('npm', ['install', '--global', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', join(work, packed[0]!.filename)], {
    cwd: work,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  mkdirSync(empty)
}, 300_000)

function denydoctor(...args: string[]) {
  const run = spawnSync(bin, args, { cwd: empty, env, encoding: 'utf8' })
  return { stdout: run.stdout, stderr: run.stderr, status: run.status }
}

describe('the npm package', () => {
  it('ships the licence, the CLI, its manifest and the demo organisation, and no development files', () => {
    for (const file of ['LICENSE', 'README.md', 'package.json', 'bin/run.js', 'oclif.manifest.json', 'dist/index.js', 'dist/commands/principal.js', 'examples/demo-snapshot.json', 'examples/audit.yaml']) {
      expect(files).toContain(file)
    }
    expect(files.filter((f) => f === 'bin/dev.js' || /^(src|test|bench|docs)\//.test(f) || /tsconfig|eslint|vitest/.test(f))).toEqual([])
  })

  it('installed, prints its version from an empty directory', () => {
    const run = denydoctor('--version')
    expect(run.status).toBe(0)
    expect(run.stdout).toMatch(/^denydoctor\/\d+\.\d+\.\d+ /)
  })

  it('installed, prints its help with -h', () => {
    const run = denydoctor('-h')
    expect(run.status).toBe(0)
    expect(run.stdout).toContain('$ denydoctor [COMMAND]')
    expect(run.stdout).toMatch(/^\s+principal\s/m)
  })

  it('installed, diagnoses the demo organisation from an empty directory', () => {
    const run = denydoctor('principal', 'arn:aws:iam::111111111111:role/TestReadOnly', '--action', 'ec2:RunInstances', '--demo', '--no-color')
    expect(run.stderr).toBe('')
    expect(run.status).toBe(3)
    expect(run.stdout).toContain('Denied by SCP `DenyRunInstances` attached to OU `Prod` (ou-demo-prod11)')
  })

  it('installed, runs the demo audit from an empty directory', () => {
    const run = denydoctor('audit', '--demo', '--no-color')
    expect(run.status).toBe(6)
    expect(run.stdout).toContain('10 expectations: 9 held, 1 failed.')
  })
})
