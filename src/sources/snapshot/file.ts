/**
 * Snapshot files on disk: JSON, gzip-compressed when the name ends in `.json.gz`. Writing is
 * atomic (a private temporary file beside the target, then a rename), so a reader never sees
 * half a snapshot and a failed write leaves the old file as it was. Snapshots describe who may
 * do what in an organization, so they are written readable by their owner only (0600).
 */
import { randomBytes } from 'node:crypto'
import { open, readFile, rename, unlink } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { promisify } from 'node:util'
import { gunzip, gzip } from 'node:zlib'
import { fileProblem } from '../../file-problem.js'
import { JsonInputError, readJsonText } from '../../policy/read-json-text.js'
import { SnapshotError } from './errors.js'
import type { Snapshot } from './format.js'
import { validateSnapshot } from './validate.js'

const gzipAsync = promisify(gzip)
const gunzipAsync = promisify(gunzip)

const GZIP_MAGIC = [0x1f, 0x8b] as const

function isGzipName(path: string): boolean {
  return path.toLowerCase().endsWith('.gz')
}

/** Reads, decompresses, parses and validates a snapshot file. Throws SnapshotError. */
export async function readSnapshot(path: string): Promise<Snapshot> {
  let bytes: Buffer
  try {
    bytes = await readFile(path)
  } catch (error) {
    const hint = (error as { code?: unknown }).code === 'ENOENT' ? ' Check the path, or write one with `denydoctor collect --out FILE`.' : ''
    throw new SnapshotError(path, `Snapshot file ${path} cannot be read: ${fileProblem(error, path)}.${hint}`, null, { cause: error })
  }
  if (isGzipName(path) || (bytes[0] === GZIP_MAGIC[0] && bytes[1] === GZIP_MAGIC[1])) {
    try {
      bytes = await gunzipAsync(bytes)
    } catch (error) {
      throw new SnapshotError(path, `Snapshot file ${path} is not valid gzip data (${error instanceof Error ? error.message : String(error)}); a .json.gz snapshot must be gzip-compressed JSON.`, null, { cause: error })
    }
  }
  return parseSnapshotText(bytes.toString('utf8'), path)
}

/** Parses and validates snapshot text; `file` names it in errors. */
export function parseSnapshotText(text: string, file: string): Snapshot {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  if (body.trim() === '') throw new SnapshotError(file, `Snapshot file ${file} is empty: expected a JSON object with "format": "denydoctor-snapshot".`)
  let value: unknown
  try {
    value = JSON.parse(body)
  } catch {
    // The strict reader is slower but says where and what in plain words.
    try {
      value = readJsonText(body, `Snapshot file ${file}`)
    } catch (error) {
      if (!(error instanceof JsonInputError)) throw error
      throw new SnapshotError(file, error.message.split('\n')[0]!, null, { cause: error })
    }
  }
  return validateSnapshot(value, file)
}

/** The snapshot as written to disk: indented JSON, so that a diff between two snapshots reads well. */
export function serialiseSnapshot(snapshot: Snapshot): string {
  return `${JSON.stringify(snapshot, null, 2)}\n`
}

/**
 * Validates and writes a snapshot atomically, mode 0600, gzip-compressed for `.json.gz`.
 * Throws SnapshotError (naming the file) when the snapshot is malformed or the write fails;
 * the target is then untouched and no temporary file is left behind.
 */
export async function writeSnapshot(path: string, snapshot: Snapshot): Promise<void> {
  const text = checkedText(path, snapshot)
  const data = isGzipName(path) ? await gzipAsync(Buffer.from(text, 'utf8')) : Buffer.from(text, 'utf8')
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`)
  try {
    // 'wx': never follow or reuse an existing file; mode applies at creation, chmod makes it exact whatever the umask.
    const handle = await open(temporary, 'wx', 0o600)
    try {
      await handle.chmod(0o600)
      await handle.writeFile(data)
      await handle.sync()
    } finally {
      await handle.close()
    }
    await rename(temporary, path)
  } catch (error) {
    await unlink(temporary).catch(() => undefined)
    throw new SnapshotError(path, `Snapshot file ${path} could not be written: ${fileProblem(error, path, true)}. Nothing was changed at that path.`, null, { cause: error })
  }
}

/**
 * The text to write, after the same validation a reader applies: a snapshot this denydoctor
 * could not read back is refused before anything touches the disk.
 */
function checkedText(path: string, snapshot: Snapshot): string {
  let plain: unknown
  try {
    plain = JSON.parse(serialiseSnapshot(snapshot))
  } catch (error) {
    throw new SnapshotError(path, `The snapshot to be written to ${path} cannot be turned into JSON (${(error instanceof Error ? error.message : String(error)).split('\n')[0]}); nothing was written.`, null, { cause: error })
  }
  try {
    return serialiseSnapshot(validateSnapshot(plain, path))
  } catch (error) {
    if (!(error instanceof SnapshotError)) throw error
    const message = error.message.replace(`Snapshot file ${path}`, `The snapshot to be written to ${path}`)
    throw new SnapshotError(path, `${message} Nothing was written.`, error.jsonPath, { cause: error })
  }
}
