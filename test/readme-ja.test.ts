import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import Explain from '../src/commands/explain.js'
import Principal from '../src/commands/principal.js'
import { blocks, examples } from './helpers/readme-blocks.js'
import { runCommand } from './helpers/run-command.js'

// README.ja.md's commands run as shown (with the demo snapshot) and print the lines under them.
const readme = readFileSync(new URL('../README.ja.md', import.meta.url), 'utf8')
const english = readFileSync(new URL('../README.md', import.meta.url), 'utf8')

const squash = (text: string) => text.replace(/\s+/g, ' ').trim()


const COMMANDS = { principal: Principal, explain: Explain } as const

describe('README.ja.md', () => {
  const tour = examples(readme)

  it('is linked from the top of README.md, and has the two commands and the tour', () => {
    expect(english.split('\n').slice(0, 5).join('\n')).toContain('[日本語](README.ja.md)')
    const first = blocks(readme)[0]!.body
    expect(first).toContain('npm ci && npm test')
    expect(first).toMatch(/\.\/bin\/run\.js principal .* --lang ja/)
    expect(tour.length).toBeGreaterThanOrEqual(14)
  })

  it.each(tour.map((t) => [t.argv.slice(0, 3).join(' '), t] as const))('%s …', async (_name, { argv, expected }) => {
    const [name, ...rest] = argv
    const result = await runCommand(COMMANDS[name as keyof typeof COMMANDS], [...rest, '--snapshot', 'examples/demo-snapshot.json', '--no-color'])
    const output = squash(result.stdout)
    for (const line of expected) expect(output).toContain(squash(line))
  })
})
