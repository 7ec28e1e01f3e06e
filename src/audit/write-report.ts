/**
 * Writes an audit report to standard output or a file as it is made, piece by piece
 * (json-chunks.ts), rather than as one string: the same bytes as `renderAudit` plus the final
 * line break, without a copy of the whole document in memory.
 */
import { once } from 'node:events'
import { open } from 'node:fs/promises'
import type { ReportFormat } from '../report/index.js'
import { auditJsonPieces, batched } from './json-chunks.js'
import { renderAudit, type AuditRenderOptions } from './render.js'
import type { AuditResult } from './result.js'

/** The report's text in order, ending with a line break. */
export function* auditReportPieces(result: AuditResult, format: ReportFormat, options: AuditRenderOptions): Generator<string> {
  if (format === 'json') {
    yield* batched(auditJsonPieces(result))
    yield '\n'
    return
  }
  const text = renderAudit(result, format, options)
  yield text.endsWith('\n') ? text : `${text}\n`
}

/** Writes the pieces to a stream, waiting whenever it asks to (a slow pipe). */
export async function writePieces(stream: NodeJS.WritableStream, pieces: Iterable<string>): Promise<void> {
  for (const piece of pieces) if (!stream.write(piece)) await once(stream, 'drain')
}

/** Writes the pieces to a file, replacing it. */
export async function writePiecesToFile(path: string, pieces: Iterable<string>): Promise<void> {
  const file = await open(path, 'w')
  try {
    for (const piece of pieces) await file.write(piece, null, 'utf8')
  } finally {
    await file.close()
  }
}

/** The JSON result (`--out`), with its final line break. */
export function auditJsonFilePieces(result: AuditResult): Generator<string> {
  return auditReportPieces(result, 'json', { color: false })
}
