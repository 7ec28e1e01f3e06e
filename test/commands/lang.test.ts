/**
 * Messages for people on the command line follow --lang (or the locale): a refused flag, the
 * "see --help" line, and explain's NOT DIAGNOSED block; the JSON of explain does not change.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import Explain from '../../src/commands/explain.js'
import Principal from '../../src/commands/principal.js'
import { runCommand } from '../helpers/run-command.js'
import { SEED_MESSAGE } from '../intake/japanese-messages.js'

const SNAPSHOT = ['--snapshot', 'examples/demo-snapshot.json']

describe('command-line messages in Japanese', () => {
  afterEach(() => vi.unstubAllEnvs())

  it('a refused flag is said in Japanese with --lang ja, and in English otherwise', async () => {
    const argv = ['arn:aws:iam::111111111111:user/tester', '--action', 'ec2:RunInstances', '--source-ip', 'nowhere', ...SNAPSHOT]
    const ja = await runCommand(Principal, [...argv, '--lang', 'ja'])
    expect(ja.stderr).toBe('denydoctor: --source-ip nowhere は IP アドレスではありません (例: 203.0.113.7、2001:db8::7)。\n')
    expect(ja.status).toBe(2)
    const en = await runCommand(Principal, argv)
    expect(en.stderr).toBe('denydoctor: --source-ip nowhere is not an IP address (for example 203.0.113.7 or 2001:db8::7).\n')
  })

  it('LANG=ja_JP.UTF-8 picks Japanese for errors too', async () => {
    vi.stubEnv('LANG', 'ja_JP.UTF-8')
    const result = await runCommand(Explain, [SEED_MESSAGE, ...SNAPSHOT, '--account', '12345'])
    expect(result.stderr).toBe('denydoctor: --account 12345 は 12 桁のアカウント ID ではありません。\n')
  })

  it('a wrong command line ends with the Japanese pointer to --help', async () => {
    const result = await runCommand(Principal, ['arn:aws:iam::111111111111:user/tester', '--action', 'ec2:RunInstances', '--bogus', '--lang', 'ja'])
    expect(result.status).toBe(2)
    expect(result.stderr).toContain('`denydoctor principal --help` を参照してください。')
  })

  it('explain\'s NOT DIAGNOSED block in Japanese: a masked account nobody can fill in', async () => {
    const result = await runCommand(Explain, [SEED_MESSAGE, '--snapshot', 'test/fixtures/does-not-exist.json', '--lang', 'ja'])
    expect(result.status).toBe(1)
    const withoutAccount = await runCommand(Explain, [SEED_MESSAGE.replace('user/tester', 'user/nobody'), ...SNAPSHOT, '--lang', 'ja', '--no-color'])
    expect(withoutAccount.stdout.split('\n')[0]).toBe(
      '診断できませんでした — メッセージでは呼び出し元のアカウント ID が XXXXXXXX と伏せられており (arn:aws:iam::XXXXXXXX:user/nobody)、どのアカウントかを判断できません (スナップショット examples/demo-snapshot.json のどのアカウントにもユーザー nobody はありません)。--account 123456789012 でアカウントを指定するか、実際のアカウント ID を含むメッセージを貼り付けてください。',
    )
    expect(withoutAccount.stdout).toContain('入力から読み取った内容:')
    expect(withoutAccount.status).toBe(1)
  })

  it('explain\'s JSON is the same in both languages', async () => {
    // One clock for both runs: aws:CurrentTime is now, and the two runs may straddle a second.
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-01T10:05:00Z') })
    try {
      const en = await runCommand(Explain, [SEED_MESSAGE, ...SNAPSHOT, '--json'])
      const ja = await runCommand(Explain, [SEED_MESSAGE, ...SNAPSHOT, '--json', '--lang', 'ja'])
      expect(ja.stdout).toBe(en.stdout)
    } finally {
      vi.useRealTimers()
    }
  })
})
