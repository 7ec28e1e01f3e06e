import { describe, expect, it } from 'vitest'
import { expandVariables, hasVariables } from '../../src/evaluate/variables.js'
import { env } from './condition/helpers.js'

// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html
describe('hasVariables', () => {
  it('finds well-formed variables only', () => {
    expect(hasVariables('home/${aws:username}/*')).toBe(true)
    expect(hasVariables('${*}')).toBe(true)
    expect(hasVariables("${aws:PrincipalTag/team, 'x'}")).toBe(true)
    expect(hasVariables('home/*')).toBe(false)
    expect(hasVariables('cost${')).toBe(false)
    expect(hasVariables('${}')).toBe(false)
  })
})

describe('expandVariables', () => {
  const e = env({ 'aws:username': 'alice', 'aws:PrincipalTag/team': 'ops*', 'aws:TagKeys': ['a', 'b'] })

  it('splits text into wildcard parts and literal values', () => {
    expect(expandVariables('home/${aws:username}/*', e)).toEqual({
      kind: 'parts',
      parts: [
        { text: 'home/', literal: false },
        { text: 'alice', literal: true },
        { text: '/*', literal: false },
      ],
    })
  })

  it('reads key names case-insensitively', () => {
    expect(expandVariables('${AWS:USERNAME}', e)).toEqual({ kind: 'parts', parts: [{ text: 'alice', literal: true }] })
  })

  it('turns ${*} ${?} ${$} into literal characters', () => {
    expect(expandVariables('a${*}b${?}c${$}', e)).toEqual({
      kind: 'parts',
      parts: [
        { text: 'a', literal: false },
        { text: '*', literal: true },
        { text: 'b', literal: false },
        { text: '?', literal: true },
        { text: 'c', literal: false },
        { text: '$', literal: true },
      ],
    })
  })

  it('uses a default only when the key has no usable value', () => {
    expect(expandVariables("${aws:PrincipalTag/project, 'company-wide'}", e)).toEqual({
      kind: 'parts',
      parts: [{ text: 'company-wide', literal: true }],
    })
    expect(expandVariables("${aws:PrincipalTag/team, 'company-wide'}", e)).toEqual({
      kind: 'parts',
      parts: [{ text: 'ops*', literal: true }],
    })
    expect(expandVariables("${aws:TagKeys, 'none'}", e)).toEqual({ kind: 'parts', parts: [{ text: 'none', literal: true }] })
  })

  it('reports missing keys: absent, multivalued, or with no value', () => {
    expect(expandVariables('${aws:userid}/${aws:username}', e)).toEqual({ kind: 'missing', keys: ['aws:userid'] })
    expect(expandVariables('${aws:TagKeys}', e)).toEqual({ kind: 'missing', keys: ['aws:TagKeys'] })
  })

  it('reports unknown keys, but a missing one wins (the text then matches nothing anyway)', () => {
    const partial = env({ 'aws:username': 'alice' }, { complete: false, absent: ['aws:userid'] })
    expect(expandVariables('${aws:PrincipalTag/team}', partial)).toEqual({ kind: 'unknown', keys: ['aws:PrincipalTag/team'] })
    expect(expandVariables("${aws:PrincipalTag/team, 'x'}", partial)).toEqual({ kind: 'unknown', keys: ['aws:PrincipalTag/team'] })
    expect(expandVariables('${aws:PrincipalTag/team}${aws:userid}', partial)).toEqual({ kind: 'missing', keys: ['aws:userid'] })
  })

  it('expands nothing outside Version 2012-10-17', () => {
    const text = 'home/${aws:username}/*'
    const whole = { kind: 'parts', parts: [{ text, literal: false }] }
    expect(expandVariables(text, env({ 'aws:username': 'alice' }, { version: '2008-10-17' }))).toEqual(whole)
    expect(expandVariables(text, env({ 'aws:username': 'alice' }, { version: null }))).toEqual(whole)
  })

  it('leaves malformed variables as text', () => {
    expect(expandVariables('a${b', e)).toEqual({ kind: 'parts', parts: [{ text: 'a${b', literal: false }] })
    expect(expandVariables('${}x', e)).toEqual({ kind: 'parts', parts: [{ text: '${}x', literal: false }] })
  })

  it('accepts a default holding a closing brace', () => {
    expect(expandVariables("${aws:PrincipalTag/project, 'a}b'}", e)).toEqual({ kind: 'parts', parts: [{ text: 'a}b', literal: true }] })
  })
})
