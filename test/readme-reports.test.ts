import { existsSync, readFileSync } from 'node:fs'
import { afterEach, describe, expect, it, vi } from 'vitest'
import Principal from '../src/commands/principal.js'
import { runCommand } from './helpers/run-command.js'

// The README's section on reading a report shows a --brief answer and a picture: both must stay true.
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
const section = readme.slice(readme.indexOf('### Reading a report'), readme.indexOf('## The permissions denydoctor needs'))

function words(line: string): string[] {
  return [...line.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]!)
}

describe('README: reading a report', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('shows a --brief answer exactly as the demo gives it, in at most ten lines', async () => {
    const [, command, output] = /```sh\n(denydoctor [^\n]+)\n```\n```text\n([\s\S]*?)```/.exec(section)!
    // A direct call assumes aws:CurrentTime is now: the README shows the call made at a fixed time.
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2026-11-01T10:05:00Z'))
    const result = await runCommand(Principal, [...words(command!).slice(2), '--snapshot', 'examples/demo-snapshot.json', '--no-color'])
    expect(result.stdout).toBe(output)
    expect(output!.trimEnd().split('\n').length).toBeLessThanOrEqual(10)
  })

  it('shows the picture, committed under docs/', () => {
    const [, file] = /!\[[^\]]+\]\((docs\/[^)]+\.png)\)/.exec(section)!
    expect(existsSync(new URL(`../${file!}`, import.meta.url))).toBe(true)
  })
})
