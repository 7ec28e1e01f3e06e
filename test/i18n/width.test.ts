import { describe, expect, it } from 'vitest'
import { cutColumns, displayWidth, padEndColumns, wrapColumns } from '../../src/i18n/index.js'

describe('display width', () => {
  it('counts East Asian wide and full-width characters as two columns', () => {
    expect(displayWidth('明示的な拒否')).toBe(12)
    expect(displayWidth('ＡＢＣ')).toBe(6)
    expect(displayWidth('ec2:RunInstances')).toBe(16)
    expect(displayWidth('ロール TestReadOnly')).toBe(6 + 1 + 12)
  })
  it('counts combining marks and zero-width characters as none, and ambiguous symbols as one', () => {
    expect(displayWidth('か\u3099')).toBe(2)
    expect(displayWidth('a\u200Bb')).toBe(2)
    expect(displayWidth('◀ … ✓ ─')).toBe(7)
  })
  it('pads and cuts by columns', () => {
    expect(padEndColumns('拒否', 6)).toBe('拒否  ')
    expect(displayWidth(padEndColumns('拒否', 6))).toBe(6)
    expect(cutColumns('アイデンティティベースのポリシー', 9)).toBe('アイデン…')
    expect(cutColumns('short', 9)).toBe('short')
  })
})

describe('wrapping', () => {
  it('breaks Japanese text between characters, within the width in columns', () => {
    const text = 'このステートメントはリクエストされたアクションとリソースに一致し、条件がすべて満たされているため拒否します。'
    const lines = wrapColumns(text, 30)
    expect(lines.length).toBeGreaterThan(1)
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(30)
    expect(lines.join('')).toBe(text)
  })
  it('does not start a line with 、 or 。 (kinsoku)', () => {
    const lines = wrapColumns('あいうえおかきくけこ、さしすせそ。たちつてと', 20)
    for (const line of lines) expect(line).not.toMatch(/^[、。]/)
  })
  it('keeps an ARN whole and spaces between English words', () => {
    const arn = 'arn:aws:iam::111111111111:role/TestReadOnly'
    expect(wrapColumns(`ロール ${arn} が拒否されました`, 20)).toEqual(['ロール', arn, 'が拒否されました'])
    expect(wrapColumns('one two three four', 9)).toEqual(['one two', 'three', 'four'])
  })
  it('prefixes the first and the following lines', () => {
    expect(wrapColumns('あいうえおかきくけこ', 10, '  • ', '    ')).toEqual(['  • あいう', '    えおか', '    きくけ', '    こ'])
  })
})
