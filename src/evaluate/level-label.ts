import type { OrgLevel } from '../model/index.js'

/** Label of an organization level: its ID, else its place in the chain. */
export function levelLabel(levels: readonly OrgLevel[], index: number): string {
  const level = levels[index]!
  if (level.id) return level.id
  if (index === 0) return 'root'
  return index === levels.length - 1 ? 'account' : `level-${index}`
}
