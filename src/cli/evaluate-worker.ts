/**
 * One worker of a multi-core `evaluate --json` (evaluate-parallel.ts): takes blocks of JSON
 * Lines, evaluates their cases and sends back their verdict lines as UTF-8 bytes (moved, not
 * copied: turning the text into bytes is part of the work taken off the main thread).
 */
import { parentPort, workerData } from 'node:worker_threads'
import { PoliciesByText } from './case-line.js'
import { evaluateBlock, type BlockRequest, type WorkerReply, type WorkerRequest, type WorkerSetup } from './evaluate-parallel.js'
import { ownSpares } from './spare-memory.js'

const setup = workerData as WorkerSetup
const port = parentPort!
// Policy sets recur across blocks: one reading of each for the whole run, as in one thread.
const shared = new PoliciesByText()

// Memory of verdict lines the main thread has written, to write in again (spare-memory.ts).
const memory = ownSpares()

port.on('message', (request: WorkerRequest) => {
  if ('spare' in request) {
    memory.give(request.spare)
    return
  }
  const block: BlockRequest = request
  let reply: WorkerReply
  try {
    const { bytes, errors, status } = evaluateBlock(block, setup, shared, memory)
    reply = { kind: 'done', seq: block.seq, bytes, errors, status }
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error))
    port.postMessage({ kind: 'failed', seq: block.seq, name: e.name, message: e.message, ...(e.stack ? { stack: e.stack } : {}) } satisfies WorkerReply)
    return
  }
  port.postMessage(reply, [(reply.bytes as Uint8Array).buffer as ArrayBuffer])
})
port.postMessage({ kind: 'ready' } satisfies WorkerReply)
