/**
 * Warnings and missing-Allow explanations in Japanese: each English sentence is written from a
 * code's template and read back by the same template (so a warning carries its code and
 * arguments in the JSON's own text), and a Japanese report says it from them. A sentence no
 * template wrote stays English, whole.
 */
import { describe, expect, it } from 'vitest'
import { readCoded, type TextTemplate } from '../../src/model/coded-text.js'
import { LINT_STATEMENT_TEXTS, LINT_TEXTS } from '../../src/model/lint-texts.js'
import { MISSING_TEXTS, NEED_TEXTS } from '../../src/model/need-texts.js'
import { REQUEST_WARNING_TEXTS } from '../../src/model/request-warning-texts.js'
import { messages } from '../../src/i18n/index.js'
import { parsePolicy } from '../../src/policy/index.js'

const ja = messages('ja')
const SAMPLE = ['a:B', 'arn:aws:s3:::bucket', 'c:D']

describe('coded sentences', () => {
  const tables: Record<string, Record<string, TextTemplate>> = { LINT_TEXTS, LINT_STATEMENT_TEXTS, NEED_TEXTS, MISSING_TEXTS, REQUEST_WARNING_TEXTS }
  for (const [name, table] of Object.entries(tables)) {
    it.each(Object.keys(table))(`${name}.%s reads back the code and the arguments it was written from`, (code) => {
      const template = table[code]!
      const args = template.en.length === 0 ? [] : SAMPLE.slice(0, template.en.length)
      // Arguments that the sentence constrains: a variable, an action element, the "which" of an implicit deny.
      if (code.startsWith('variable')) args[0] = '${aws:username}'
      if (code === 'messageSaysNone') args[2] = 'the one that may'
      if (code === 'statement') args[1] = 'statement "X"'
      if (code === 'wildcardPrefix') args[0] = 'NotAction'
      if (code === 'awsOwned') args[0] = NEED_TEXTS.managedPolicy.en('arn:aws:iam::aws:policy/X', 'iam:DeletePolicy')
      const text = template.en(...args)
      const read = readCoded(table, text)
      expect(read?.code).toBe(code)
      expect(template.en(...read!.args)).toBe(text)
    })
  }
})

describe('warnings in Japanese', () => {
  it('says a policy lint warning with its policy name, statement and Sid as they are', () => {
    const policy = parsePolicy({ Statement: [{ Sid: 'Broad', Effect: 'Allow', NotAction: 's3:*', Resource: '*' }] }, { name: 'Wide', kind: 'identity' })
    const warnings = policy.warnings.map((w) => ja['report.warning'](`Wide: ${w}`))
    expect(warnings).toEqual([
      'Wide: ポリシー "Wide" には "Version" がないため、AWS は 2008-10-17 のポリシー言語で読み取ります。この言語では ${…} のポリシー変数はリテラルの文字列です。"Version": "2012-10-17" を追加してください。',
      'Wide: ポリシー "Wide"、ステートメント "Broad": Allow と NotAction の組み合わせは、指定されたリソースに対して、すべてのサービスのリストにないすべてのアクションを許可します — 許可の範囲が広すぎます。代わりに "Action" にアクションを列挙してください。',
    ])
  })

  it('says the context-key and unknown-action warnings', () => {
    expect(ja['report.warning'](REQUEST_WARNING_TEXTS.keyNotSupported.en('s3:prefix', 'ec2:RunInstances'))).toBe(
      'コンテキストキー s3:prefix は ec2:RunInstances がサポートする条件キーではないため、AWS がこのリクエストでこのキーを送ることはありません。',
    )
    expect(ja['report.warning'](REQUEST_WARNING_TEXTS.unknownAction.en('ec2:RunInstance', 'ec2:RunInstances'))).toContain('暗黙的な拒否になります。ec2:RunInstances のことですか?')
  })

  it('leaves a warning no template wrote in English, whole', () => {
    const odd = 'The resource ARN does not name its account; it is taken to be the principal\'s (111111111111).'
    expect(ja['report.warning'](odd)).toBe(odd)
    expect(messages('en')['report.warning'](odd)).toBe(odd)
  })
})

describe('missing-Allow explanations in Japanese', () => {
  it('says "No Allow for …" with the layer\'s need', () => {
    expect(ja['report.missingExplanation'](MISSING_TEXTS.noAllow.en('s3:GetObject', 'arn:aws:s3:::b/k', NEED_TEXTS.crossAccount.en('222222222222', '111111111111')))).toBe(
      's3:GetObject (リソース arn:aws:s3:::b/k) に対する Allow がありません: リソースはアカウント 111111111111 ではなく 222222222222 にあります: クロスアカウントではリソースベースのポリシーも許可している必要があります。',
    )
    expect(ja['report.missingExplanation'](MISSING_TEXTS.noAllow.en('ec2:RunInstances', '', NEED_TEXTS.identity.en()))).toBe(
      'ec2:RunInstances に対する Allow がありません: プリンシパルのアイデンティティベースのポリシーが許可している必要があります。',
    )
  })

  it('says what AWS\'s message showed about an implicit deny', () => {
    expect(ja['report.missingExplanation'](MISSING_TEXTS.messageSaysNone.en('ec2:RunInstances', 'permissions boundary', 'none of those that may'))).toBe(
      'ec2:RunInstances に対する Allow がありません: AWS のメッセージによると、これを許可したアクセス許可の境界はないため、許可し得たステートメントはいずれも許可していません。',
    )
  })

  it('leaves an explanation with an unknown need in English, whole', () => {
    const odd = 'No Allow for ec2:RunInstances: something new must allow it.'
    expect(ja['report.missingExplanation'](odd)).toBe(odd)
  })
})

describe('what matched a negated element, in Japanese', () => {
  it.each([
    ['NotAction (ec2:DescribeInstances is not listed)', 'NotAction (ec2:DescribeInstances はリストにない)'],
    ['NotResource (arn:aws:s3:::b/k is not among arn:aws:s3:::a/*, arn:aws:s3:::c/*)', 'NotResource (arn:aws:s3:::b/k は arn:aws:s3:::a/*, arn:aws:s3:::c/* のいずれでもない)'],
    ['NotPrincipal (exempts some sessions of arn:aws:iam::1:role/R)', 'NotPrincipal (arn:aws:iam::1:role/R の一部のセッションを除外)'],
    ['ec2:*', 'ec2:*'],
  ])('%s', (english, japanese) => {
    expect(ja['report.matched'](english)).toBe(japanese)
    expect(messages('en')['report.matched'](english)).toBe(english)
  })
})
