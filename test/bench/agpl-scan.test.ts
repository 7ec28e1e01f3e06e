import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

// iam-simulate and the packages it brings (iam-policy, iam-utils) are AGPL-3.0: the bench may
// use them as a yardstick, the shipped program must never load them. iam-data is MIT and fine.
const AGPL = ['@cloud-copilot/iam-simulate', '@cloud-copilot/iam-policy', '@cloud-copilot/iam-utils']
const root = join(import.meta.dirname, '..', '..')

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? files(path) : /\.(ts|js|mjs|cjs|json)$/.test(name) ? [path] : []
  })
}

/** Every module specifier a file names: import/export … from, import(), require(). */
export function specifiersOf(text: string): string[] {
  const patterns = [/\bfrom\s+['"]([^'"]+)['"]/g, /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g, /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g, /^\s*import\s+['"]([^'"]+)['"]/gm]
  return patterns.flatMap((p) => [...text.matchAll(p)].map((m) => m[1]!))
}

describe('AGPL peer stays in bench/', () => {
  it('finds imports in every form it scans for', () => {
    const text = `import { a } from '@cloud-copilot/iam-simulate'\nconst b = await import("@cloud-copilot/iam-policy")\nrequire('@cloud-copilot/iam-utils')\nimport '@cloud-copilot/iam-simulate/dist/esm/index.js'`
    expect(specifiersOf(text)).toEqual(['@cloud-copilot/iam-simulate', '@cloud-copilot/iam-policy', '@cloud-copilot/iam-utils', '@cloud-copilot/iam-simulate/dist/esm/index.js'])
  })

  it('no file under src/ imports iam-simulate, iam-policy or iam-utils, nor even names them', () => {
    const offenders = files(join(root, 'src')).flatMap((path) => {
      const text = readFileSync(path, 'utf8')
      const named = AGPL.filter((pkg) => specifiersOf(text).some((s) => s === pkg || s.startsWith(`${pkg}/`)) || text.includes(pkg))
      return named.map((pkg) => `${relative(root, path)} → ${pkg}`)
    })
    expect(offenders).toEqual([])
  })

  it('iam-simulate is a devDependency only, so installing denydoctor never installs it', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies?: Record<string, string>; devDependencies?: Record<string, string> }
    expect(Object.keys(pkg.dependencies ?? {}).filter((d) => AGPL.includes(d))).toEqual([])
    expect(pkg.devDependencies?.['@cloud-copilot/iam-simulate']).toBeDefined()
  })

  it('the bench is where it is used', () => {
    const users = files(join(root, 'bench')).filter((path) => specifiersOf(readFileSync(path, 'utf8')).includes('@cloud-copilot/iam-simulate'))
    expect(users.map((p) => relative(root, p)).sort()).toEqual(['bench/engine/peer.ts', 'bench/engine/throughput.ts'])
  })
})
