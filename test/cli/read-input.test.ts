import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { decodeText, readInput } from '../../src/cli/read-input.js'

const TEXT = '{"request": {"action": "s3:GetObject"}} — é'

describe('decodeText', () => {
  it('reads UTF-8, and UTF-16 in either byte order when it starts with its byte-order mark', () => {
    expect(decodeText(Buffer.from(TEXT, 'utf8'))).toBe(TEXT)
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]))).toBe(TEXT)
    const le = Buffer.from(TEXT, 'utf16le')
    const be = Buffer.from(le).swap16()
    expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toBe(TEXT)
  })
})

describe('readInput', () => {
  it('reads a file PowerShell wrote (UTF-16LE with its byte-order mark) as text', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'dd-input-')), 'case.json')
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]))
    expect(await readInput(file, 'a case file')).toEqual({ text: TEXT, name: file })
  })
})
