import { describe, expect, it } from 'vitest'
import { parseDeniedMessage } from '../../src/intake/message.js'
import { joinedCandidates } from '../../src/intake/wrapped-lines.js'
import { CORPUS } from './message-corpus.js'

// Terminals, pagers and chat tools break long messages: at a fixed column (in the middle of an
// ARN or a word), or at spaces. Whatever the break, the parse must not change.

// An unknown policy type is quoted as read; its own words cannot tell a cut word from two.
const SINGLE_LINE = CORPUS.filter(
  (row) =>
    !row.input.includes('\n') && !row.input.trimStart().startsWith('{') && !row.input.includes('<') && !row.name.includes('unknown policy type'),
)

/** Cuts every `width` characters, as a terminal without soft-wrap tracking does. */
function hardWrap(text: string, width: number, trimTrailing: boolean): string {
  const lines: string[] = []
  for (let i = 0; i < text.length; i += width) lines.push(text.slice(i, i + width))
  return lines.map((line) => (trimTrailing ? line.replace(/\s+$/, '') : line)).join('\n')
}

/** Breaks at spaces, dropping them, as a mail client or a chat tool reflows text. */
function wordWrap(text: string, width: number): string {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line)
      line = word
    } else {
      line = line ? `${line} ${word}` : word
    }
  }
  lines.push(line)
  return lines.join('\n')
}

describe('line breaks inserted into a message', () => {
  it('uses a broad sample of the corpus', () => {
    expect(SINGLE_LINE.length).toBeGreaterThanOrEqual(30)
  })

  it.each(SINGLE_LINE.map((row) => [row.name, row.input] as const))('hard wraps at every width from 12 to 140: %s', (_name, input) => {
    const expected = parseDeniedMessage(input)
    for (let width = 12; width <= 140; width++) {
      for (const trim of [false, true]) {
        const wrapped = hardWrap(input, width, trim)
        expect(parseDeniedMessage(wrapped), `width ${width}, trailing space ${trim ? 'trimmed' : 'kept'}`).toEqual(expected)
      }
    }
  })

  it.each(SINGLE_LINE.map((row) => [row.name, row.input] as const))('word wraps at every width from 20 to 120: %s', (_name, input) => {
    const expected = parseDeniedMessage(input)
    for (let width = 20; width <= 120; width++) {
      expect(parseDeniedMessage(wordWrap(input, width)), `width ${width}`).toEqual(expected)
    }
  })

  it('joins a break inside an ARN without a space and a break between words with one', () => {
    expect(joinedCandidates('User: arn:aws:iam::1234567890\n12:user/Jo\nhnDoe is\nnot authorized')[0]).toBe(
      'User: arn:aws:iam::123456789012:user/JohnDoe is not authorized',
    )
  })

  it('rejoins a template word cut in two', () => {
    expect(joinedCandidates('is not autho\nrized to per\nform: s3:GetObject')[0]).toBe('is not authorized to perform: s3:GetObject')
  })

  it('treats blank lines and Terraform box edges as paragraph breaks', () => {
    expect(joinedCandidates('╷\n│ first part\n│ \n│ second part\n╵')[0]).toBe('first part second part')
  })

  // No clock in these tests (speed goals live in the benchmark): a regression to a pattern that
  // rescans the text takes minutes on these inputs and fails on vitest's own test timeout.
  it('finds a message inside a long log', () => {
    const noise = Array.from({ length: 20000 }, (_, i) => `2024-05-14T09:${String(i % 60).padStart(2, '0')}:00Z INFO worker ${i} heartbeat ok`)
    noise.splice(10000, 0, SINGLE_LINE[0]!.input)
    const result = parseDeniedMessage(noise.join('\n'))
    expect(result.principal).toBe('arn:aws:iam::777788889999:user/JohnDoe')
    expect(result.reportedPolicyType).toBe('scp')
  })

  // Each took tens of seconds (quadratic backtracking) before the wrapper patterns were bounded.
  it.each([
    ['a CLI prefix without its closing parenthesis', 'An error occurred (AccessDenied ', 20000],
    ['a Go SDK chain without its request id', 'operation error STS: AssumeRole, get identity: failed ', 20000],
    ['XML opening tags without closing ones', '<Error><Code>', 60000],
  ])('gives up on long text repeating %s', (_name, piece, times) => {
    expect(() => parseDeniedMessage(piece.repeat(times))).toThrow(/^Could not find an access-denied error in the input/)
  })
})
