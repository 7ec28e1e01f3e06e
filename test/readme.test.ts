import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import Explain from '../src/commands/explain.js'
import Principal from '../src/commands/principal.js'
import {
  ACCOUNT_READER_POLICY,
  COLLECTOR_POLICY,
  ORGANIZATION_COLLECTOR_POLICY,
  ORGANIZATION_READER_POLICY,
} from '../src/sources/aws/required-permissions.js'
import { blocks, examples, words } from './helpers/readme-blocks.js'
import { runCommand } from './helpers/run-command.js'

// The README is what a new user trusts first: its tour and its permissions must stay true.
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')

const squash = (text: string) => text.replace(/\s+/g, ' ').trim()

function section(from: string, to: string): string {
  return readme.slice(readme.indexOf(from), readme.indexOf(to))
}

const SNAPSHOT = ['--snapshot', 'examples/demo-snapshot.json', '--no-color']
const COMMANDS = { principal: Principal, explain: Explain } as const

describe('README', () => {
  const tour = examples(section('## The demo organisation', '## Offline:'))

  it('has a tour with every scenario of the article', () => {
    expect(tour.length).toBeGreaterThanOrEqual(13)
  })

  it.each(tour.map((t) => [t.argv.slice(0, 4).join(' '), t] as const))('tour: %s …', async (_name, { argv, expected }) => {
    const [name, ...rest] = argv
    const result = await runCommand(COMMANDS[name as keyof typeof COMMANDS], [...rest, ...SNAPSHOT])
    const output = squash(result.stdout)
    for (const line of expected) expect(output).toContain(squash(line))
  })

  it('opens with a first command that runs the main job on the demo data, and the test command', async () => {
    const first = blocks(readme)[0]!.body
    expect(first).toContain('npm ci && npm test')
    const command = /\.\/bin\/run\.js (principal .*)$/m.exec(first)![1]!
    const result = await runCommand(Principal, [...words(command).slice(1), '--no-color'])
    expect(result.status).toBe(3)
    expect(squash(result.stdout)).toContain(squash('Denied by SCP `DenyRunInstances` attached to OU `Prod` (ou-demo-prod11)'))
  })

  it('shows exactly the permissions the code needs', () => {
    const policies = blocks(section('## The permissions denydoctor needs', '## As a library'))
      .filter((b) => b.lang === 'json')
      .map((b) => JSON.parse(b.body))
    expect(policies).toEqual([ACCOUNT_READER_POLICY, ORGANIZATION_READER_POLICY, COLLECTOR_POLICY, ORGANIZATION_COLLECTOR_POLICY].map((p) => JSON.parse(JSON.stringify(p))))
  })
})
