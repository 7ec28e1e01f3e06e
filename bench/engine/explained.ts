/**
 * Disagreements with the peer that have been looked into, by kind (`action: denydoctor X,
 * peer Y`), each with who is right and the AWS page that settles it. A disagreement whose
 * kind is not here is unexplained, and the engine target is missed until someone looks.
 * docs/performance.md lists them too.
 */
export interface Explanation {
  /** 'denydoctor' | 'peer': who matches AWS; 'engine bug' when denydoctor is wrong. */
  readonly rightSide: 'denydoctor' | 'peer'
  readonly why: string
  readonly awsDoc: string
}

export const EXPLAINED: Readonly<Record<string, Explanation>> = {}

export function explanationFor(kind: string): Explanation | null {
  return EXPLAINED[kind] ?? null
}
