import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gunzipSync, gzipSync } from 'node:zlib'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readSnapshot, writeSnapshot } from '../../../src/sources/snapshot/file.js'
import type { Snapshot } from '../../../src/sources/snapshot/format.js'
import { DEMO_PATH, demoJson, demoSnapshot, minimalJson, snapshotErrorOf } from './helpers.js'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'denydoctor-snapshot-'))
})
afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

describe('writeSnapshot / readSnapshot round trip', () => {
  it('reads back exactly what it wrote, as indented JSON', async () => {
    const path = join(dir, 'snap.json')
    await writeSnapshot(path, demoSnapshot())
    expect(await readSnapshot(path)).toEqual(demoSnapshot())
    const text = readFileSync(path, 'utf8')
    expect(text.startsWith('{\n  "format": "denydoctor-snapshot",\n  "version": 1,')).toBe(true)
  })

  it('gzip-compresses a .json.gz file and reads it back', async () => {
    const path = join(dir, 'snap.json.gz')
    await writeSnapshot(path, demoSnapshot())
    const bytes = readFileSync(path)
    expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b])
    expect(JSON.parse(gunzipSync(bytes).toString('utf8')).format).toBe('denydoctor-snapshot')
    expect(await readSnapshot(path)).toEqual(demoSnapshot())
  })

  it('recognises gzip data by its magic bytes whatever the file is called', async () => {
    const path = join(dir, 'snap.json')
    writeFileSync(path, gzipSync(readFileSync(DEMO_PATH)))
    expect((await readSnapshot(path)).takenAt).toBe('2026-11-01T10:00:00Z')
  })

  it('keeps policy documents stored as (URL-encoded) text as they are', async () => {
    const path = join(dir, 'snap.json')
    await writeSnapshot(path, demoSnapshot())
    const analytics = (await readSnapshot(path)).accounts[0]!.iam!.roles.find((r) => r.roleName === 'Analytics')!
    expect(analytics.rolePolicyList[0]!.policyDocument).toMatch(/^%7B%22Version%22%3A%222012-10-17%22/)
  })

  it('reads a file with a byte-order mark', async () => {
    const path = join(dir, 'bom.json')
    writeFileSync(path, `\ufeff${JSON.stringify(minimalJson())}`)
    expect((await readSnapshot(path)).accounts[0]!.id).toBe('333333333333')
  })
})

describe('writeSnapshot is private and atomic', () => {
  it('writes the file with mode 0600', async () => {
    const path = join(dir, 'private.json')
    await writeSnapshot(path, demoSnapshot())
    expect(statSync(path).mode & 0o777).toBe(0o600)
    const gz = join(dir, 'private.json.gz')
    await writeSnapshot(gz, demoSnapshot())
    expect(statSync(gz).mode & 0o777).toBe(0o600)
  })

  it('replaces an existing file, leaving no temporary file beside it', async () => {
    const path = join(dir, 'snap.json')
    writeFileSync(path, 'old contents', { mode: 0o644 })
    await writeSnapshot(path, demoSnapshot())
    expect(readdirSync(dir)).toEqual(['snap.json'])
    expect(statSync(path).mode & 0o777).toBe(0o600)
    expect(JSON.parse(readFileSync(path, 'utf8')).version).toBe(1)
  })

  it('refuses a malformed snapshot before touching the disk, naming the JSON path', async () => {
    const path = join(dir, 'snap.json')
    writeFileSync(path, 'previous snapshot')
    const bad = { ...demoSnapshot(), takenAt: 'yesterday' } as Snapshot
    const error = await snapshotErrorOf(() => writeSnapshot(path, bad))
    expect(error.message).toBe(
      `The snapshot to be written to ${path} is not valid at takenAt: expected an ISO 8601 time such as "2026-11-01T10:00:00Z", found the string "yesterday". Nothing was written.`,
    )
    expect(readFileSync(path, 'utf8')).toBe('previous snapshot')
    expect(readdirSync(dir)).toEqual(['snap.json'])
  })

  it('refuses a snapshot that cannot become JSON', async () => {
    const path = join(dir, 'snap.json')
    const circular: Record<string, unknown> = { Version: '2012-10-17' }
    circular.self = circular
    const bad = { ...demoSnapshot(), incomplete: [], organization: { ...demoSnapshot().organization!, policies: [{ id: 'p-x', arn: 'arn:aws:organizations::aws:policy/x', name: 'x', type: 'SERVICE_CONTROL_POLICY', document: circular }] } } as Snapshot
    const error = await snapshotErrorOf(() => writeSnapshot(path, bad))
    expect(error.message).toMatch(new RegExp(`^The snapshot to be written to ${path} cannot be turned into JSON \\(.*circular.*\\); nothing was written\\.$`, 'i'))
    expect(readdirSync(dir)).toEqual([])
  })

  it('leaves no partial file when the rename fails, and names the problem', async () => {
    const path = join(dir, 'taken')
    mkdirSync(join(path, 'inside'), { recursive: true })
    const error = await snapshotErrorOf(() => writeSnapshot(path, demoSnapshot()))
    expect(error.message).toMatch(new RegExp(`^Snapshot file ${path} could not be written: .+\\. Nothing was changed at that path\\.$`))
    expect(readdirSync(dir)).toEqual(['taken'])
    expect(readdirSync(path)).toEqual(['inside'])
  })

  it('says so when the directory does not exist', async () => {
    const path = join(dir, 'missing', 'snap.json')
    const error = await snapshotErrorOf(() => writeSnapshot(path, demoSnapshot()))
    expect(error.message).toBe(`Snapshot file ${path} could not be written: its directory ${join(dir, 'missing')} does not exist. Nothing was changed at that path.`)
  })
})

describe('readSnapshot errors name the file and the problem', () => {
  it('a missing file', async () => {
    const path = join(dir, 'nope.json')
    const error = await snapshotErrorOf(() => readSnapshot(path))
    expect(error.message).toBe(`Snapshot file ${path} cannot be read: no such file. Check the path, or write one with \`denydoctor collect --out FILE\`.`)
    expect(error.name).toBe('SnapshotError')
    expect(error.file).toBe(path)
  })

  it('a directory', async () => {
    const error = await snapshotErrorOf(() => readSnapshot(dir))
    expect(error.message).toBe(`Snapshot file ${dir} cannot be read: it is a directory.`)
  })

  it('an empty file', async () => {
    const path = join(dir, 'empty.json')
    writeFileSync(path, '  \n')
    const error = await snapshotErrorOf(() => readSnapshot(path))
    expect(error.message).toBe(`Snapshot file ${path} is empty: expected a JSON object with "format": "denydoctor-snapshot".`)
  })

  it('text that is not JSON: line and column', async () => {
    const path = join(dir, 'broken.json')
    writeFileSync(path, '{\n  "format": "denydoctor-snapshot"\n  "version": 1\n}\n')
    const error = await snapshotErrorOf(() => readSnapshot(path))
    expect(error.message).toMatch(new RegExp(`^Snapshot file ${path} is not valid JSON at line 3, column 3: .*comma`))
    expect(error.message).not.toContain('\n')
  })

  it('a .json.gz file that is not gzip', async () => {
    const path = join(dir, 'plain.json.gz')
    writeFileSync(path, JSON.stringify(demoJson()))
    const error = await snapshotErrorOf(() => readSnapshot(path))
    expect(error.message).toMatch(new RegExp(`^Snapshot file ${path} is not valid gzip data \\(.+\\); a \\.json\\.gz snapshot must be gzip-compressed JSON\\.$`))
  })

  it('JSON of another format', async () => {
    const path = join(dir, 'other.json')
    writeFileSync(path, JSON.stringify({ format: 'cloudsplaining', version: 1 }))
    const error = await snapshotErrorOf(() => readSnapshot(path))
    expect(error.message).toBe(
      `Snapshot file ${path} is not a denydoctor snapshot: it has "format" "cloudsplaining" (expected "denydoctor-snapshot"). Snapshots are written by \`denydoctor collect --out FILE\`.`,
    )
    expect(error.jsonPath).toBe('format')
  })

  it('an unknown version, saying which versions this denydoctor reads', async () => {
    const path = join(dir, 'future.json')
    writeFileSync(path, JSON.stringify({ ...demoJson(), version: 2 }))
    const error = await snapshotErrorOf(() => readSnapshot(path))
    expect(error.message).toBe(
      `Snapshot file ${path} is version 2, but this denydoctor reads version 1 only. Upgrade denydoctor to read it, or write the snapshot again with this denydoctor's \`collect\`.`,
    )
  })

  it('a structurally wrong snapshot: the JSON path of the problem', async () => {
    const path = join(dir, 'wrong.json')
    writeFileSync(path, JSON.stringify(minimalJson((s) => (s.accounts[0].iam.roles[0].roleId = 42))))
    const error = await snapshotErrorOf(() => readSnapshot(path))
    expect(error.message).toBe(`Snapshot file ${path} is not valid at accounts[0].iam.roles[0].roleId: expected an IAM role ID (AROA…), found the number 42.`)
    expect(error.jsonPath).toBe('accounts[0].iam.roles[0].roleId')
  })
})
