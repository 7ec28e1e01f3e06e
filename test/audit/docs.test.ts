/** docs/audit.md and schemas/audit.schema.json say what the reader reads: no key more, none less. */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import Ajv2020Module from 'ajv/dist/2020.js'
import { describe, expect, it } from 'vitest'
import { parse as parseYaml } from 'yaml'
import { TOP_KEYS, parseAuditText } from '../../src/audit/read-audit-file.js'
import { DEFAULT_KEYS, EXPECTATION_KEYS } from '../../src/audit/read-expectation.js'
import { ROOT } from './helpers.js'

const docs = readFileSync(join(ROOT, 'docs', 'audit.md'), 'utf8')
const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'audit.schema.json'), 'utf8')) as {
  properties: Record<string, unknown>
  $defs: { fields: { properties: Record<string, unknown> } }
}

describe('the audit file documentation', () => {
  it('documents every key the reader accepts', () => {
    for (const key of [...TOP_KEYS, ...EXPECTATION_KEYS]) expect(docs, key).toContain(`\`${key}\``)
  })

  it('the schema lists exactly the keys the reader accepts', () => {
    expect(Object.keys(schema.properties).sort()).toEqual([...TOP_KEYS].sort())
    expect(Object.keys(schema.$defs.fields.properties).sort()).toEqual([...DEFAULT_KEYS].sort())
  })

  it('its first example is a valid audit file, for the reader and the schema', () => {
    const example = /```yaml\n(version: 1[\s\S]*?)```/.exec(docs)![1]!
    const file = parseAuditText(example, 'docs.yaml')
    expect(file.expectations.map((e) => e.name)).toEqual(['Only CloudOps launches instances'])
    const validate = new Ajv2020Module.default({ strict: false }).compile(schema)
    expect(validate(parseYaml(example)), JSON.stringify(validate.errors)).toBe(true)
  })
})
