/**
 * A spinner on stderr while something slow runs: only on a terminal, never with --json
 * (scripts read stdout, and stderr stays clean for them too).
 */
export async function withProgress<T>(enabled: boolean, label: string, work: () => Promise<T>): Promise<T> {
  if (!enabled || !process.stderr.isTTY) return work()
  const frames = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏']
  let i = 0
  const timer = setInterval(() => process.stderr.write(`\r${frames[i++ % frames.length]} ${label}`), 80)
  try {
    return await work()
  } finally {
    clearInterval(timer)
    process.stderr.write('\r\x1b[K')
  }
}
