/**
 * Memory used again by the blocks of a multi-threaded `evaluate --json` (evaluate-parallel.ts):
 * the lines a block is read from (shared with the worker thread that reads them) and the
 * verdict lines it gives (moved from the worker to the main thread, which writes them).
 *
 * A block's memory is outside the JavaScript heap, and the engine gives it back only when a
 * collection finds the buffer that holds it: a 100,000-case run made 4,000 blocks of about
 * 250 KB each way, and the dead ones were let pile up (tens of MB per thread) until the memory
 * outside the heap forced a collection. Once written, a block's memory goes back to the thread
 * that fills it next.
 */

/** Spare memory is this much larger than asked for, so that slightly larger blocks fit it too. */
const ROOM = 1.125

/** At most this many spare buffers are kept (a few blocks are out at a time). */
const KEPT = 8

/** Buffers given back, to be handed out again when one is large enough. */
export class SpareBuffers<B extends ArrayBufferLike> {
  private readonly spare: B[] = []

  constructor(private readonly make: (bytes: number) => B) {}

  /** A buffer of at least `bytes` bytes: a spare one large enough, or a new one with room to spare. */
  take(bytes: number): B {
    const at = this.spare.findIndex((b) => b.byteLength >= bytes)
    if (at >= 0) return this.spare.splice(at, 1)[0]!
    return this.make(Math.ceil(bytes * ROOM))
  }

  /** A buffer its holder is done with (nothing reads it any more). */
  give(buffer: B): void {
    if (this.spare.length >= KEPT) this.spare.shift()
    this.spare.push(buffer)
  }
}

/** Memory for blocks of input lines, shared with the worker threads that read them. */
export const sharedSpares = (): SpareBuffers<SharedArrayBuffer> => new SpareBuffers((bytes) => new SharedArrayBuffer(bytes))

/** Memory for a thread's verdict lines, which can be moved to another thread. */
export const ownSpares = (): SpareBuffers<ArrayBuffer> => new SpareBuffers((bytes) => new ArrayBuffer(bytes))
