import { describe, expect, it } from 'vitest'
import { renderVerdict } from '../../src/report/index.js'
import { reportWidth, PIPED_WIDTH, UNLIMITED_WIDTH } from '../../src/cli/report-flags.js'
import { ALL_VERDICTS, allowedInOrganisation } from './verdicts.js'

const WIDTHS = [60, 80, 160] as const
const verdicts = Object.entries({ ...ALL_VERDICTS, allowedInOrganisation })

/**
 * A line may run past the width only when it holds something that must stay whole to be
 * copied: the verdict line (`| head -1` gives the whole answer) or an ARN.
 */
function overflowing(output: string, width: number): string[] {
  return output.split('\n').slice(1).filter((line) => [...line].length > width && !/arn:aws[\w-]*:/.test(line))
}

describe('text reports fit the width', () => {
  for (const width of WIDTHS) {
    it.each(verdicts)(`%s at ${width} columns`, (_name, verdict) => {
      const output = renderVerdict(verdict, 'text', { color: false, width })
      expect(overflowing(output, width)).toEqual([])
    })
  }

  it('puts a statement line\'s mark under it when both do not fit on one line', () => {
    const narrow = renderVerdict(allowedInOrganisation, 'text', { color: false, width: 60 }).split('\n')
    const at = narrow.findIndex((l) => l.includes('"arn:aws:iam::222222222222:role/DataLoader",'))
    expect(narrow[at]).not.toContain('◀')
    expect(narrow[at + 1]).toBe('        ▲ matched principal')
    const wide = renderVerdict(allowedInOrganisation, 'text', { color: false, width: 160 })
    expect(wide).toMatch(/"arn:aws:iam::222222222222:role\/DataLoader", +◀ matched principal/)
  })

  it('wraps prose more at 60 columns than at 160', () => {
    const lines = (width: number): number => renderVerdict(ALL_VERDICTS.implicitDeny, 'text', { color: false, width }).split('\n').length
    expect(lines(60)).toBeGreaterThan(lines(160))
  })
})

describe('the width the commands use', () => {
  it('is the terminal\'s columns on a terminal', () => {
    expect(reportWidth({}, { isTTY: true, columns: 132 })).toBe(132)
  })
  it('is 80 when standard output is not a terminal', () => {
    expect(reportWidth({}, { isTTY: false })).toBe(PIPED_WIDTH)
    expect(PIPED_WIDTH).toBe(80)
  })
  it('is unlimited with --wide', () => {
    expect(reportWidth({ wide: true }, { isTTY: true, columns: 60 })).toBe(UNLIMITED_WIDTH)
  })
})
