/**
 * Prints the functions with the most self time in a V8 .cpuprofile (from node --cpu-prof):
 *   npx tsx bench/lib/summarise-profile.ts bench/out/CPU.….cpuprofile [top] [--by-folder]
 */
import { readFileSync } from 'node:fs'

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
}
interface Profile {
  nodes: ProfileNode[]
  samples: number[]
  timeDeltas: number[]
}

/** Self time per function, or per folder (`src/policy`, `src/evaluate`…) with `byFolder`. */
export function selfTimes(profile: Profile, byFolder = false): { name: string; ms: number; share: number }[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const totals = new Map<string, number>()
  let all = 0
  profile.samples.forEach((id, i) => {
    const node = byId.get(id)
    const delta = (profile.timeDeltas[i] ?? 0) / 1000
    all += delta
    if (!node) return
    const f = node.callFrame
    const where = f.url.replace(/^.*\/work\/main\//, '').replace(/^file:\/\//, '')
    const folder = where.includes('/') ? where.split('/').slice(0, where.startsWith('src/') ? 2 : 1).join('/') : f.functionName || where
    const name = byFolder ? folder : `${f.functionName || '(anonymous)'} ${where}:${f.lineNumber + 1}`
    totals.set(name, (totals.get(name) ?? 0) + delta)
  })
  return [...totals.entries()].map(([name, ms]) => ({ name, ms, share: ms / all })).sort((a, b) => b.ms - a.ms)
}

if (process.argv[1]?.endsWith('summarise-profile.ts')) {
  const args = process.argv.slice(2)
  const byFolder = args.includes('--by-folder')
  const [file, top = '25'] = args.filter((a) => a !== '--by-folder')
  if (!file) throw new Error('usage: summarise-profile.ts FILE.cpuprofile [top] [--by-folder]')
  for (const row of selfTimes(JSON.parse(readFileSync(file, 'utf8')) as Profile, byFolder).slice(0, Number(top))) {
    console.log(`${(row.share * 100).toFixed(1).padStart(5)}%  ${row.ms.toFixed(0).padStart(6)} ms  ${row.name}`)
  }
}
