import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

const src = join(import.meta.dirname, '..', '..', '..', 'src')

/** Every source file reachable from `entry` through relative imports, and every package it imports. */
function reachable(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>()
  const packages = new Set<string>()
  const visit = (file: string) => {
    if (files.has(file)) return
    files.add(file)
    const text = readFileSync(file, 'utf8')
    for (const [, specifier] of text.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]/gm)) {
      if (!specifier!.startsWith('.')) {
        packages.add(specifier!)
        continue
      }
      const target = join(dirname(file), specifier!.replace(/\.js$/, '.ts'))
      if (existsSync(target)) visit(target)
    }
  }
  visit(entry)
  return { files, packages }
}

describe('offline means offline', () => {
  it.each(['provider.ts', 'file.ts'])('src/sources/snapshot/%s reaches no AWS SDK and nothing in src/sources/aws', (entry) => {
    const { files, packages } = reachable(join(src, 'sources', 'snapshot', entry))
    expect([...files].map((f) => relative(src, f)).filter((f) => f.startsWith('sources/aws/'))).toEqual([])
    expect([...packages].filter((p) => p.startsWith('@aws-sdk/') || p.startsWith('@smithy/'))).toEqual([])
    expect(files.size).toBeGreaterThan(5)
  })
})
