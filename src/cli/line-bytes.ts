/**
 * JSON Lines output as UTF-8 bytes, each piece of text encoded as it is appended into one
 * buffer. Joining a block's lines into one long text first made V8 copy the joined text whole
 * (to flatten it) before encoding it, and made each line two bytes per character as soon as
 * one character was not Latin-1; the pieces are encoded one by one, ASCII ones at the speed
 * of a copy (see verdictJsonPieces).
 */
export class LineBytes {
  private buffer: Buffer
  /** Bytes written so far. */
  length = 0

  /** `memory`: where to write the bytes (a spare buffer), when it holds `capacity` bytes. */
  constructor(
    private readonly capacity = 256 * 1024,
    memory?: ArrayBuffer,
  ) {
    this.buffer = memory !== undefined && memory.byteLength >= capacity ? Buffer.from(memory) : Buffer.allocUnsafeSlow(capacity)
  }

  append(text: string): void {
    // A UTF-16 code unit is at most three bytes of UTF-8.
    const most = this.length + text.length * 3
    if (most > this.buffer.length) {
      const bigger = Buffer.allocUnsafeSlow(Math.max(most, this.buffer.length * 2))
      this.buffer.copy(bigger, 0, 0, this.length)
      this.buffer = bigger
    }
    this.length += this.buffer.write(text, this.length, 'utf8')
  }

  /** One line end: a byte, where appending the text before it with `\n` joined on made a copy of that text. */
  newline(): void {
    if (this.length === this.buffer.length) this.append('\n')
    else this.buffer[this.length++] = 0x0a
  }

  /**
   * The bytes so far, in a buffer of their own (its memory can be moved to another thread),
   * and an empty one for what follows.
   */
  take(): Buffer {
    const bytes = this.buffer.subarray(0, this.length)
    this.buffer = Buffer.allocUnsafeSlow(this.capacity)
    this.length = 0
    return bytes
  }

  /**
   * The bytes so far, to be used before anything more is appended: the same buffer is then
   * written over. For a writer whose stream has taken them in at once (clear).
   */
  peek(): Buffer {
    return this.buffer.subarray(0, this.length)
  }

  /** Empties the buffer, to be written over (after peek). */
  clear(): void {
    this.length = 0
  }
}
