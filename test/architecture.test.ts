import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

// The arrows of architecture.md: commands → diagnose/audit/intake/report → evaluate → policy
// → model; sources/aws → model, policy. Checked on the import statements themselves.
const root = join(import.meta.dirname, '..', 'src')

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : []
  })
}

function importsOf(path: string): string[] {
  const text = readFileSync(path, 'utf8')
  return [...text.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]!)
}

function folderOf(path: string): string {
  return relative(root, path).split('/')[0]!.replace(/\.ts$/, '')
}

function targetFolder(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null
  return folderOf(join(from, '..', specifier))
}

const ALLOWED: Record<string, readonly string[]> = {
  model: ['model'],
  policy: ['policy', 'model'],
  evaluate: ['evaluate', 'policy', 'model'],
  // The direct-call profile: domain knowledge read from the action catalogue, no I/O of its own.
  context: ['context', 'catalogue', 'model'],
}

describe('layering (architecture.md)', () => {
  const all = files(root)

  it.each(Object.keys(ALLOWED))('src/%s imports only inward and no I/O', (folder) => {
    const offenders = all
      .filter((f) => folderOf(f) === folder)
      .flatMap((f) =>
        importsOf(f)
          .filter((s) => {
            const target = targetFolder(f, s)
            if (target !== null) return !ALLOWED[folder]!.includes(target)
            return s.startsWith('node:') || s.startsWith('@aws-sdk/') || s.startsWith('@oclif/') || s.startsWith('@smithy/')
          })
          .map((s) => `${relative(root, f)} → ${s}`),
      )
    expect(offenders).toEqual([])
  })

  it('only src/sources/aws imports the AWS SDK', () => {
    const offenders = all
      .filter((f) => !relative(root, f).startsWith('sources/aws/'))
      .flatMap((f) => importsOf(f).filter((s) => s.startsWith('@aws-sdk/')).map((s) => `${relative(root, f)} → ${s}`))
    expect(offenders).toEqual([])
  })

  it('nothing imports the commands', () => {
    const offenders = all
      .filter((f) => folderOf(f) !== 'commands')
      .flatMap((f) => importsOf(f).filter((s) => targetFolder(f, s) === 'commands').map((s) => `${relative(root, f)} → ${s}`))
    expect(offenders).toEqual([])
  })
})
