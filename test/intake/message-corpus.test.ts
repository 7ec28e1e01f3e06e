import { describe, expect, it } from 'vitest'
import { parseDeniedMessage } from '../../src/intake/message.js'
import { intake } from './helpers.js'
import { CORPUS } from './message-corpus.js'

describe('parseDeniedMessage: real-shaped corpus', () => {
  it('has at least 40 rows', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(40)
  })
  it.each(CORPUS.map((row) => [row.name, row] as const))('%s', (_name, row) => {
    expect(parseDeniedMessage(row.input)).toEqual(intake(row.expected))
  })
})
