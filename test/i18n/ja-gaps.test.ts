/**
 * The sources' gap sentences, built by the sources' own functions, in Japanese: the English
 * templates of ja-gaps.ts must stay those the code writes, or the Japanese report silently
 * falls back to English. The English catalogue shows them as written (JSON keeps them too).
 */
import { describe, expect, it } from 'vitest'
import { messages } from '../../src/i18n/index.js'
import { translators } from '../../src/i18n/templates.js'
import { PolicyInputError } from '../../src/policy/index.js'
import { gapFor } from '../../src/sources/aws/errors.js'
import { ORG_COLLECT_HELP } from '../../src/sources/aws/collect-org.js'
import { federatedUserGap, unknownResourceAccountGap, unreadablePolicyGap } from '../../src/sources/gaps.js'
import { awsError } from '../helpers/aws-mock.js'
import { englishSentences } from './english-sentences.js'

const ja = messages('ja')
const en = messages('en')

function inJapanese(gap: { source: string; error: string; effect: string }): string {
  return [ja['source.gapSource'](gap.source), ja['source.gapError'](gap.error), ja['source.gapEffect'](gap.effect)].join('\n')
}

describe('gap sentences in Japanese', () => {
  it('the account that owns the resource is unknown', () => {
    const gap = unknownResourceAccountGap('snapshot s.json')
    expect(inJapanese(gap)).toBe(
      'スナップショット s.json\nリソースを所有するアカウントが不明です\nRCP は読み取っていません。RCP はリソースを所有するアカウントのものだからです。--resource-account を指定してください。',
    )
  })

  it('a federated user, and a policy that could not be read', () => {
    const federated = federatedUserGap('dana', 'sts')
    const unreadable = unreadablePolicyGap(
      new PolicyInputError('P', 'Policy "P" is not valid: x.', null, null, null),
      { type: 'identity', name: 'P', arn: null, attachedTo: 'alice', origin: 'inline policy `P` of user `alice`' },
      'snapshot s.json',
      'in the snapshot',
    )
    expect(ja['source.gapEffect'](federated.effect)).toContain('フェデレーティッドユーザー `dana` に許可される操作')
    expect(ja['source.gapEffect'](unreadable.effect)).toBe('ユーザー `alice` のインラインポリシー `P` は除外しました。スナップショット内のドキュメントをポリシーとして読み取れなかったため、その Deny を確認できません。')
    expect(englishSentences(inJapanese(federated))).toEqual([])
  })

  it('a refused read keeps AWS\'s own message, quoted', () => {
    const gap = gapFor(awsError('AccessDenied', 'User: arn:aws:iam::111111111111:user/x is not authorized to perform: s3:GetBucketPolicy', 403), 's3', {
      leftOut: 'The buckets of account 111111111111 were not listed, so none of them is in the snapshot and a diagnosis on one reports a gap',
      permission: 'the credentials need s3:ListAllMyBuckets',
    })
    expect(ja['source.gapError'](gap.error)).toBe('AWS のエラー AccessDenied: "User: arn:aws:iam::111111111111:user/x is not authorized to perform: s3:GetBucketPolicy"')
    expect(ja['source.gapEffect'](gap.effect)).toBe(
      'アカウント 111111111111 のバケットを一覧取得できなかったため、いずれもスナップショットになく、それらの診断には欠落が含まれます。認証情報には s3:ListAllMyBuckets が必要です。',
    )
  })

  it('a failure that is not about permission, and the organization help', () => {
    const failed = gapFor(awsError('InternalError', 'boom', 500), 'organizations', {
      leftOut: 'No organization was read: the organization reader is in none, so no SCP or RCP is in the snapshot and no diagnosis from it can rule them out',
      permission: ORG_COLLECT_HELP,
    })
    expect(englishSentences(ja['source.gapEffect'](failed.effect))).toEqual([])
    const refused = gapFor(awsError('AccessDeniedException', 'no', 403), 'organizations', {
      leftOut: 'No organization was read: the organization reader is in none, so no SCP or RCP is in the snapshot and no diagnosis from it can rule them out',
      permission: ORG_COLLECT_HELP,
    })
    expect(englishSentences(ja['source.gapEffect'](refused.effect))).toEqual([])
  })

  it('English shows the sources\' text as written', () => {
    const gap = unknownResourceAccountGap('s3')
    expect(en['source.gapEffect'](gap.effect)).toBe(gap.effect)
    expect(en['source.gapError'](gap.error)).toBe(gap.error)
    expect(en['cli.inputProblem']('Policy "P" is not valid JSON at line 1, column 2: x.')).toBe('Policy "P" is not valid JSON at line 1, column 2: x.')
  })

  it('a sentence no template knows stays as it is, never half translated', () => {
    expect(ja['source.gapEffect']('Something new was not read; run again.')).toBe('Something new was not read; run again.')
  })
})

describe('template pairs', () => {
  const t = translators({
    outer: [['{a|inner} then {b}.', '{a}、次に {b}。']],
    inner: [['one', '一']],
  })

  it('fills values, and translates the ones meant for another table', () => {
    expect(t.outer('one then two.')).toBe('一、次に two。')
  })

  it('refuses a row whose inner value its table does not know', () => {
    expect(t.outer('three then two.')).toBe('three then two.')
  })
})
