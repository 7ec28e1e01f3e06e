import { existsSync, readFileSync } from 'node:fs'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { describe, expect, it } from 'vitest'
import type { Verdict } from '../../src/model/index.js'
import { renderVerdict, renderVerdicts, verdictToJson } from '../../src/report/index.js'
import { ALL_VERDICTS, messageIntake, mfaUndetermined, scpExplicitDeny } from './verdicts.js'

const ownSchema = new URL('../../schemas/verdict.schema.json', import.meta.url)
const schemaPath = existsSync(ownSchema) ? ownSchema : '/work/shared/spec/verdict.schema.json'
const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as Record<string, unknown>
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema)

function expectValid(value: unknown): void {
  const ok = validate(value)
  expect(validate.errors ?? [], JSON.stringify(validate.errors)).toEqual([])
  expect(ok).toBe(true)
}

describe('verdictToJson', () => {
  it.each(Object.entries(ALL_VERDICTS))('%s validates against verdict.schema.json', (_name, verdict) => {
    expectValid(verdictToJson(verdict))
  })

  it('is checked by a validator that does reject a broken verdict', () => {
    const broken = { ...verdictToJson(scpExplicitDeny), decision: 'Denied' }
    expect(validate(broken)).toBe(false)
  })

  it('keeps the contract key order, then the extras', () => {
    const json = verdictToJson({ ...scpExplicitDeny, evaluatedAt: 'x' } as Verdict)
    expect(Object.keys(json)).toEqual(['decision', 'request', 'denies', 'missingAllows', 'allows', 'incomplete', 'suggestions', 'remedies', 'warnings', 'evaluatedAt'])
    const deny = (json['denies'] as Record<string, unknown>[])[0] ?? {}
    expect(Object.keys(deny).slice(0, 9)).toEqual([
      'policyType',
      'policyName',
      'policyArn',
      'attachedTo',
      'statementIndex',
      'sid',
      'certain',
      'unknownKeys',
      'explanation',
    ])
    expect(Object.keys(deny).slice(9)).toEqual([
      'effect',
      'origin',
      'matchedAction',
      'matchedResource',
      'matchedPrincipal',
      'conditions',
      'resourceTypes',
      'resource',
      'statement',
    ])
  })

  it('keeps the finding extras and the condition traces as they were', () => {
    const json = verdictToJson(mfaUndetermined)
    const deny = (json['denies'] as Record<string, unknown>[])[0] ?? {}
    expect(deny['statementIndex']).toBe(2)
    expect(deny['certain']).toBe(false)
    expect(deny['unknownKeys']).toEqual(['aws:MultiFactorAuthPresent'])
    expect(deny['conditions']).toEqual([
      {
        operator: 'BoolIfExists',
        key: 'aws:MultiFactorAuthPresent',
        policyValues: ['false'],
        requestValues: 'unknown',
        result: 'unknown',
        why: mfaUndetermined.denies[0]?.conditions[0]?.why,
      },
    ])
    expect(deny['statement']).toEqual(mfaUndetermined.denies[0]?.statement)
  })

  it('round-trips through JSON text unchanged', () => {
    for (const verdict of Object.values(ALL_VERDICTS)) {
      const json = verdictToJson(verdict)
      expect(JSON.parse(JSON.stringify(json))).toEqual(json)
      // The verdict's own fields come back unchanged; `remedies` is added from them.
      const { remedies, ...rest } = json
      expect(rest).toEqual(JSON.parse(JSON.stringify(verdict)))
      expect(remedies === undefined || Array.isArray(remedies)).toBe(true)
    }
  })
})

describe('renderVerdict json / renderVerdicts json', () => {
  it('prints one object that parses back to verdictToJson', () => {
    expect(JSON.parse(renderVerdict(scpExplicitDeny, 'json', { color: true }))).toEqual(verdictToJson(scpExplicitDeny))
  })

  it('adds the explain intake after the verdict fields, and it still validates', () => {
    const parsed = JSON.parse(renderVerdict(scpExplicitDeny, 'json', { color: false, intake: messageIntake })) as Record<string, unknown>
    expect(Object.keys(parsed).at(-1)).toBe('intake')
    expect(parsed['intake']).toEqual(messageIntake)
    expectValid(parsed)
  })

  it('prints several verdicts as JSON Lines, in order', () => {
    const verdicts = Object.values(ALL_VERDICTS)
    const lines = renderVerdicts(verdicts, 'json', { color: false }).split('\n')
    expect(lines).toHaveLength(verdicts.length)
    lines.forEach((line, i) => {
      const parsed = JSON.parse(line) as Record<string, unknown>
      expect(parsed['decision']).toBe(verdicts[i]?.decision)
      expectValid(parsed)
    })
  })

  it('never puts escape codes in JSON', () => {
    expect(renderVerdicts(Object.values(ALL_VERDICTS), 'json', { color: true })).not.toContain('\u001b')
  })
})
