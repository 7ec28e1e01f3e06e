/**
 * Japanese AccessDenied messages: the seed article's message verbatim (masked and with a real
 * account), the other renderings of translated pages and consoles, AWS's Japanese policy-type
 * words, and full-width / spacing variants, which must read exactly as their ASCII forms.
 * Seed: https://repost.aws/ja/knowledge-center/iam-explicit-deny-errors
 */
import { describe, expect, it } from 'vitest'
import { parseDeniedMessage } from '../../src/intake/message.js'
import { detectAndParse, IntakeError } from '../../src/intake/index.js'
import { foldWidth } from '../../src/intake/japanese-width.js'
import type { PolicyType } from '../../src/model/index.js'
import { intake, NOTE } from './helpers.js'
import { SEED_MESSAGE } from './japanese-messages.js'

const SEED_UNMASKED = SEED_MESSAGE.replace('XXXXXXXX', '111111111111')
const JA_NOTE = expect.stringContaining('The message is in Japanese; denydoctor read it as')
const MASK_NOTE = expect.stringContaining('masks the account ID as XXXXXXXX')

const seedExpected = {
  principal: 'arn:aws:iam::111111111111:user/tester',
  action: 'ec2:RunInstances',
  resourceText: 'role TestReadOnly',
  reportedDenyKind: 'explicit' as const,
  errorCode: 'AccessDenied',
  operation: 'RunInstances',
  notes: [JA_NOTE, NOTE.bareExplicit],
}

describe('the seed message', () => {
  it('reads verbatim, keeping the masked account for explain to fill in', () => {
    expect(parseDeniedMessage(SEED_MESSAGE)).toEqual(
      intake({ ...seedExpected, principal: 'arn:aws:iam::XXXXXXXX:user/tester', maskedAccount: 'XXXXXXXX', notes: [...seedExpected.notes, MASK_NOTE] }),
    )
  })

  it('reads with a real account ID, and says how it read the Japanese', () => {
    const read = parseDeniedMessage(SEED_UNMASKED)
    expect(read).toEqual(intake(seedExpected))
    expect(read.maskedAccount).toBeUndefined()
    expect(read.notes[0]).toBe(
      'The message is in Japanese; denydoctor read it as "User: arn:aws:iam::111111111111:user/tester is not authorized to perform: ec2:RunInstances on resource: role TestReadOnly with an explicit deny".',
    )
  })

  it('is recognised by explain\'s detection (not taken for "no access-denied error")', () => {
    expect(detectAndParse(SEED_MESSAGE)[0]).toMatchObject({ source: 'message', action: 'ec2:RunInstances', maskedAccount: 'XXXXXXXX' })
  })

  it('reads the same in full width, without spaces, with ideographic spaces and over two lines', () => {
    const variants = [
      'エラー：RunInstances オペレーションを呼び出すときにエラーが発生（AccessDenied）しました：ユーザー：arn:aws:iam::111111111111:user/tester は実行する権限がありません：リソースの ec2:RunInstances：ロール TestReadOnly（明示的な拒否）',
      'エラー:RunInstancesオペレーションを呼び出すときにエラーが発生(AccessDenied)しました:ユーザー:arn:aws:iam::111111111111:user/testerは実行する権限がありません:リソースのec2:RunInstances:ロール TestReadOnly(明示的な拒否)',
      'エラー：　RunInstances　オペレーションを呼び出すときにエラーが発生　（AccessDenied）　しました：　ユーザー：　arn:aws:iam::111111111111:user/tester　は実行する権限がありません：　リソースの　ec2:RunInstances：　ロール　TestReadOnly　（明示的な拒否）',
      'ｴﾗｰ: RunInstances ｵﾍﾟﾚｰｼｮﾝを呼び出すときにｴﾗｰが発生 (AccessDenied) しました: ﾕｰｻﾞｰ: arn:aws:iam::111111111111:user/tester は実行する権限がありません: リソースの ec2:RunInstances: ﾛｰﾙ TestReadOnly (明示的な拒否)',
      'ユーザー：ａｒｎ：ａｗｓ：ｉａｍ：：１１１１１１１１１１１１：ｕｓｅｒ／ｔｅｓｔｅｒ は実行する権限がありません：リソースの ｅｃ２：ＲｕｎＩｎｓｔａｎｃｅｓ：ロール ＴｅｓｔＲｅａｄＯｎｌｙ（明示的な拒否）',
      'エラー: RunInstances オペレーションを呼び出すときにエラーが発生 (AccessDenied) しました: ユーザー: arn:aws:iam::111111111111:user/tester\nは実行する権限がありません: リソースの ec2:RunInstances:\nロール TestReadOnly (明示的な拒否)',
    ]
    for (const variant of variants) {
      const read = parseDeniedMessage(variant)
      expect(read, variant).toMatchObject({ principal: seedExpected.principal, action: 'ec2:RunInstances', resourceText: 'role TestReadOnly', reportedDenyKind: 'explicit' })
    }
    // The wrapper is read too where it is there.
    expect(parseDeniedMessage(variants[0]!)).toEqual(intake(seedExpected))
    expect(parseDeniedMessage(variants[1]!)).toEqual(intake(seedExpected))
  })
})

describe('the other Japanese renderings', () => {
  const ROLE = 'arn:aws:sts::111111111111:assumed-role/TestReadOnly/alice'
  const INSTANCE = 'arn:aws:ec2:us-east-1:111111111111:instance/*'

  it('reads "に対して … を実行する権限がありません" with the resource first', () => {
    const read = parseDeniedMessage(`ユーザー: ${ROLE} は、リソース: ${INSTANCE} に対して ec2:RunInstances を実行する権限がありません (サービスコントロールポリシーによる明示的な拒否)`)
    expect(read).toEqual(intake({ principal: ROLE, action: 'ec2:RunInstances', resources: [INSTANCE], reportedDenyKind: 'explicit', reportedPolicyType: 'scp', notes: [JA_NOTE, NOTE.scp] }))
  })

  it('reads the action before the resource, and には for は', () => {
    const read = parseDeniedMessage(`ユーザー: ${ROLE} には ec2:RunInstances を ${INSTANCE} に対して実行する権限がありません。アイデンティティベースのポリシーで明示的に拒否されています。`)
    expect(read).toMatchObject({ principal: ROLE, action: 'ec2:RunInstances', resources: [INSTANCE], reportedDenyKind: 'explicit', reportedPolicyType: 'identity' })
  })

  it('reads an implicit deny with its policy type, and a bare 暗黙的な拒否', () => {
    const typed = parseDeniedMessage('ユーザー: arn:aws:iam::111111111111:user/tester は s3:GetObject を実行する権限がありません。アイデンティティベースのポリシーで s3:GetObject アクションが許可されていないため (暗黙的な拒否)')
    expect(typed).toEqual(intake({ principal: 'arn:aws:iam::111111111111:user/tester', action: 's3:GetObject', reportedDenyKind: 'implicit', reportedPolicyType: 'identity', notes: [JA_NOTE] }))
    const bare = parseDeniedMessage(SEED_UNMASKED.replace('明示的な拒否', '暗黙的な拒否'))
    expect(bare).toEqual(intake({ ...seedExpected, reportedDenyKind: 'implicit', notes: [expect.stringContaining('an implicit deny; the message names no policy type')] }))
  })

  it('reads a policy ARN after the policy type', () => {
    const arn = 'arn:aws:organizations::999999999999:policy/o-demo111111/service_control_policy/p-denyrun1'
    const read = parseDeniedMessage(`ユーザー: ${ROLE} は、リソース: ${INSTANCE} に対して ec2:RunInstances を実行する権限がありません (明示的な拒否: サービスコントロールポリシー: ${arn})`)
    expect(read).toMatchObject({ reportedPolicyType: 'scp', reportedPolicyArn: arn })
  })

  it('reads the policy type whichever side of the caller it stands', () => {
    const read = parseDeniedMessage(`セッションポリシーの明示的な拒否により、ユーザー: ${ROLE} は ec2:RunInstances を実行する権限がありません`)
    expect(read).toMatchObject({ principal: ROLE, action: 'ec2:RunInstances', reportedDenyKind: 'explicit', reportedPolicyType: 'session' })
  })
})

describe("AWS's Japanese policy-type words", () => {
  const rows: [string, PolicyType][] = [
    ['アイデンティティベースのポリシー', 'identity'],
    ['ID ベースのポリシー', 'identity'],
    ['リソースベースのポリシー', 'resource'],
    ['アクセス許可の境界', 'boundary'],
    ['アクセス許可境界', 'boundary'],
    ['サービスコントロールポリシー', 'scp'],
    ['SCP', 'scp'],
    ['セッションポリシー', 'session'],
    ['リソースコントロールポリシー', 'rcp'],
    ['VPC エンドポイントポリシー', 'vpce'],
    ['VPCエンドポイントポリシー', 'vpce'],
    ['エンドポイントポリシー', 'vpce'],
  ]
  it.each(rows)('%s → %s (explicit and implicit)', (words, type) => {
    const explicit = parseDeniedMessage(`ユーザー: arn:aws:iam::111111111111:user/tester は実行する権限がありません: リソースの ec2:RunInstances: arn:aws:ec2:us-east-1:111111111111:instance/* (明示的な拒否: ${words})`)
    expect(explicit).toMatchObject({ reportedDenyKind: 'explicit', reportedPolicyType: type, resources: ['arn:aws:ec2:us-east-1:111111111111:instance/*'] })
    const implicit = parseDeniedMessage(`ユーザー: arn:aws:iam::111111111111:user/tester は ec2:RunInstances を実行する権限がありません (暗黙的な拒否: ec2:RunInstances アクションを許可する${words}がありません)`)
    expect(implicit).toMatchObject({ reportedDenyKind: 'implicit', reportedPolicyType: type })
  })

  it('keeps the contract\'s English word in reportedPolicyType, and reads the trust policy as the resource side', () => {
    const read = parseDeniedMessage('ユーザー: arn:aws:iam::111111111111:user/tester は sts:AssumeRole を実行する権限がありません (ロールの信頼ポリシーによる明示的な拒否)')
    expect(read.reportedPolicyType).toBe('resource')
    expect(read.notes).toContainEqual(NOTE.trust)
  })
})

describe('unreadable Japanese', () => {
  it('says what is missing in Japanese terms, never "no access-denied error"', () => {
    const attempt = () => parseDeniedMessage('エラー: RunInstances オペレーションを呼び出すときにエラーが発生 (AccessDenied) しました: 実行する権限がありません')
    expect(attempt).toThrow(IntakeError)
    expect(attempt).toThrow(/Japanese access-denied message.*the caller \('ユーザー: arn:…'\)/)
    expect(attempt).not.toThrow(/Could not find an access-denied error/)
  })
})

describe('foldWidth', () => {
  it('folds full-width ASCII, Japanese punctuation and odd spaces, and nothing else', () => {
    expect(foldWidth('ユーザー：（ｅｃ２：ＲｕｎＩｎｓｔａｎｃｅｓ）、。\u3000\u00A0x\u200By')).toBe('ユーザー:(ec2:RunInstances), .   xy')
    expect(foldWidth('… ◀ arn:aws:s3:::bucket')).toBe('… ◀ arn:aws:s3:::bucket')
  })
})
