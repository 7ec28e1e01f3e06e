import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import Principal from '../src/commands/principal.js'
import { runCommand } from './helpers/run-command.js'

// The README's install section: the package from npm first, the clone for contributors second,
// and a first command that works wherever it is typed.
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
const install = readme.slice(readme.indexOf('## Install'), readme.indexOf('\n## ', readme.indexOf('## Install') + 1))

describe('README: install', () => {
  it('puts `npm install -g denydoctor` (or npx) before the clone-and-build path', () => {
    expect(install.indexOf('npm install -g denydoctor')).toBeGreaterThan(0)
    expect(install).toContain('npx denydoctor')
    expect(install.indexOf('npm install -g denydoctor')).toBeLessThan(install.indexOf('npm ci && npm run build'))
  })

  it('shows a first command that needs no file and no account: the demo organisation', async () => {
    const line = /^denydoctor (principal .*--demo)$/m.exec(install)![1]!
    const result = await runCommand(Principal, [...line.split(/\s+/).slice(1), '--no-color'])
    expect(result.status).toBe(3)
    expect(result.stdout).toContain('Denied by SCP `DenyRunInstances` attached to OU `Prod` (ou-demo-prod11)')
  })
})
