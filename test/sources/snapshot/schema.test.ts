import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import Ajv2020Module from 'ajv/dist/2020.js'
import { describe, expect, it } from 'vitest'
import { serialiseSnapshot } from '../../../src/sources/snapshot/file.js'
import { SnapshotError } from '../../../src/sources/snapshot/errors.js'
import { validateSnapshot } from '../../../src/sources/snapshot/validate.js'
import { demoJson, demoSnapshot, minimalJson, type Loose } from './helpers.js'

const schema = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'schemas', 'snapshot.schema.json'), 'utf8'))
// ajv is CommonJS: under NodeNext the default import is module.exports, whose `default` is the class.
const Ajv2020 = Ajv2020Module.default
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema)

function accepted(value: unknown): boolean {
  const ok = validate(value)
  return ok === true
}

function validatorAccepts(value: unknown): boolean {
  try {
    validateSnapshot(value, 'x')
    return true
  } catch (error) {
    if (error instanceof SnapshotError) return false
    throw error
  }
}

describe('schemas/snapshot.schema.json', () => {
  it('accepts the demo snapshot', () => {
    expect(accepted(demoJson()), JSON.stringify(validate.errors)).toBe(true)
  })

  it('accepts what writeSnapshot writes, and a minimal snapshot', () => {
    expect(accepted(JSON.parse(serialiseSnapshot(demoSnapshot())))).toBe(true)
    expect(accepted(minimalJson())).toBe(true)
  })

  it.each([
    ['another format', (j: Loose) => (j.format = 'other')],
    ['another version', (j: Loose) => (j.version = 2)],
    ['a bad timestamp', (j: Loose) => (j.takenAt = '1 Nov 2026')],
    ['no accounts list', (j: Loose) => delete j.accounts],
    ['a short account ID', (j: Loose) => (j.accounts[0].id = '12345')],
    ['a role ID of the wrong kind', (j: Loose) => (j.accounts[0].iam.roles[0].roleId = 'AIDAEXAMPLESOLOROLE01')],
    ['a numeric policy document', (j: Loose) => (j.accounts[0].iam.roles[0].rolePolicyList[0].policyDocument = 1)],
    ['a bucket without its policy field', (j: Loose) => (j.accounts[0].buckets = [{ name: 'b', region: 'us-east-1' }])],
    ['a gap without its effect', (j: Loose) => (j.incomplete = [{ source: 's3', error: 'e' }])],
  ])('rejects %s, as readSnapshot does', (_name, patch) => {
    const value = minimalJson(patch)
    expect(accepted(value)).toBe(false)
    expect(validatorAccepts(value)).toBe(false)
  })
})
