/**
 * The seed article's malformed policies, and other bad input, as a Japanese reader is told:
 * one paragraph naming the file, line and column in Japanese, the excerpt of the file kept.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { messages } from '../../src/i18n/index.js'
import { PolicyInputError, parsePolicy, type PolicyKind } from '../../src/policy/index.js'
import { englishSentences } from './english-sentences.js'

const dir = fileURLToPath(new URL('../fixtures/seed/', import.meta.url))
const ja = messages('ja')

function problemOf(name: string, kind: PolicyKind, text = readFileSync(`${dir}${name}.json`, 'utf8')): string {
  try {
    parsePolicy(text, { name, kind })
  } catch (error) {
    if (error instanceof PolicyInputError) return error.message
    throw error
  }
  throw new Error(`${name} parsed, but it should not`)
}

describe('policy problems in Japanese', () => {
  it.each([
    ['identity-deny-delete-role', 'identity', 'ポリシー "identity-deny-delete-role" は有効な JSON ではありません (4 行 3 列): "Action": "iam:DeleteRole" と "Resource" の間にカンマが必要です。3 行目の末尾にカンマがないようです。'],
    ['bucket-deny-principal', 'resource', 'ポリシー "bucket-deny-principal" は有効ではありません (2 行 13 列、ステートメント 1): "Effect": "deny" は無効です。Effect は大文字と小文字を区別します。"Deny" を使ってください。'],
    ['bucket-deny-sourcevpce', 'resource', 'ポリシー "bucket-deny-sourcevpce" は有効な JSON ではありません (3 行 26 列): 文字列 "Policy123456789" の終わりに曲がった引用符 ” (U+201D) があります。JSON ではまっすぐな二重引用符 (") が必要です。まっすぐな " に置き換えてください。'],
    ['boundary-deny-ec2', 'boundary', 'ポリシー "boundary-deny-ec2" は有効な JSON ではありません (10 行 7 列): "Action": "ec2:*" と "Resource" の間にカンマが必要です。8 行目の末尾にカンマがないようです。'],
    ['scp-deny-runinstances', 'scp', 'ポリシー "scp-deny-runinstances" は有効な JSON ではありません (8 行 7 列): "Action": "ec2:RunInstances" と "Resource" の間にカンマが必要です。6 行目の末尾にカンマがないようです。'],
  ] as const)('the seed article\'s %s', (name, kind, headline) => {
    const message = problemOf(name, kind)
    const [first, ...excerpt] = ja['cli.inputProblem'](message).split('\n')
    expect(first).toBe(headline)
    // The excerpt is the file's own text, as the English message shows it.
    expect(excerpt).toEqual(message.split('\n').slice(1))
  })

  it.each([
    ['an unknown condition operator', '{"Version":"2012-10-17","Statement":{"Effect":"Deny","Action":"s3:*","Resource":"*","Condition":{"StringEqualz":{"aws:SourceVpce":"x"}}}}', '不明な条件演算子 "StringEqualz"。"StringEquals" ではありませんか?'],
    ['a trailing comma', '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:*","Resource":"*"},]}', '"]" の直前にカンマがあります'],
    ['a comment', '{"Version":"2012-10-17", // x\n"Statement":[]}', 'コメント (//)。JSON ではコメントを使えません。削除してください'],
    ['single quotes', "{'Version':'2012-10-17'}", '一重引用符'],
    ['True in capitals', '{"Version":"2012-10-17","Statement":{"Effect":"Deny","Action":"s3:*","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":True}}}}', 'JSON では小文字で true と書きます'],
    ['an unclosed object', '{"Version":"2012-10-17","Statement":[', '閉じられる前にテキストが終わっています'],
    ['a duplicate key', '{"Version":"2012-10-17","Version":"2012-10-17","Statement":[]}', 'が同じオブジェクト内に 2 回あります'],
    ['an unknown statement element', '{"Version":"2012-10-17","Statement":{"Effect":"Deny","Actions":"s3:*","Resource":"*"}}', '不明なステートメント要素 "Actions"'],
  ])('%s', (_name, text, expected) => {
    const said = ja['cli.inputProblem'](problemOf('p', 'identity', text))
    expect(said).toContain(expected)
    expect(englishSentences(said)).toEqual([])
  })
})
