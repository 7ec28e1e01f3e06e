/**
 * Evaluation paths share their lists of levels and layers (report/path.ts): an audit keeps a
 * path for every check that did not hold, and most repeat a few lists. Sharing must never
 * change what a path says: equal lists are the same frozen list, different ones stay apart.
 */
import { describe, expect, it } from 'vitest'
import { evaluationPath } from '../../src/report/path.js'
import { ALL_VERDICTS, allowedInOrganisation, scpExplicitDeny } from './verdicts.js'

describe('evaluationPath', () => {
  it('gives equal paths the same frozen lists, and each path what it gave before', () => {
    const first = evaluationPath(scpExplicitDeny)
    const again = evaluationPath({ ...scpExplicitDeny, request: { ...scpExplicitDeny.request, resources: ['arn:aws:s3:::other'] } })
    expect(again.layers).toBe(first.layers)
    expect(again.levels).toBe(first.levels)
    expect(again.resource).toBe('arn:aws:s3:::other')
    expect(Object.isFrozen(first.layers) && first.layers.every((l) => Object.isFrozen(l))).toBe(true)
    // Every verdict's path is the one its own findings give: compare with a path made after other ones.
    const paths = Object.values({ ...ALL_VERDICTS, allowedInOrganisation }).map((v) => [v, JSON.stringify(evaluationPath(v))] as const)
    for (const [v, text] of paths.reverse()) expect(JSON.stringify(evaluationPath(v))).toBe(text)
    const texts = new Set(paths.map(([, t]) => JSON.parse(t).layers).map((l) => JSON.stringify(l)))
    const lists = new Set(paths.map(([v]) => evaluationPath(v).layers))
    expect(lists.size).toBe(texts.size)
  })
})
