/**
 * The command line's own refusals under --lang ja (and LANG=ja_JP.UTF-8): a profile that is
 * not configured, a misspelt flag or command, a snapshot handed to evaluate, --json with
 * another format, --demo with --snapshot. Flag names, file names and commands stay as typed.
 */
import { describe, expect, it } from 'vitest'
import { checkProfiles } from '../../src/cli/check-profiles.js'
import { LocalizedUserError } from '../../src/cli/localized-error.js'
import Evaluate from '../../src/commands/evaluate.js'
import Principal from '../../src/commands/principal.js'
import { messages } from '../../src/i18n/index.js'
import { runBuiltCli } from '../helpers/built-cli.js'
import { runCommand } from '../helpers/run-command.js'

const EXAMPLE = 'examples/scp-deny-runinstances.json'
const ROLE = 'arn:aws:iam::111111111111:role/TestReadOnly'

const denydoctor = (env: Record<string, string>, ...args: string[]) => runBuiltCli(args, env)

describe('command-line refusals in Japanese', () => {
  it('--json with another format', async () => {
    const result = await runCommand(Evaluate, [EXAMPLE, '--json', '--format', 'markdown', '--lang', 'ja'])
    expect(result.status).toBe(2)
    expect(result.stderr).toBe('denydoctor: --json と --format markdown は矛盾しています: どちらか一方を指定してください (--json は --format json と同じです)。\n')
  })

  it('a snapshot handed to evaluate', async () => {
    const result = await runCommand(Evaluate, ['examples/demo-snapshot.json', '--lang', 'ja'])
    expect(result.status).toBe(2)
    expect(result.stderr).toContain('examples/demo-snapshot.json は `denydoctor collect` が書いたスナップショットです。ケースファイルではありません。')
    expect(result.stderr).toContain('--snapshot examples/demo-snapshot.json')
  })

  it('--demo with --snapshot', async () => {
    const result = await runCommand(Principal, [ROLE, '--action', 'ec2:RunInstances', '--demo', '--snapshot', EXAMPLE, '--lang', 'ja'])
    expect(result.status).toBe(2)
    expect(result.stderr).toContain(`--snapshot=${EXAMPLE} は --demo と同時には指定できません`)
    expect(result.stderr).toContain('`denydoctor principal --help` を参照してください。')
  })

  it('a misspelt flag', async () => {
    const result = await runCommand(Principal, [ROLE, '--action', 'ec2:RunInstances', '--demo', '--snapsot', 'x', '--lang', 'ja'])
    expect(result.status).toBe(2)
    expect(result.stderr).toContain('存在しないフラグ: --snapsot (--snapshot のことですか?)')
  })

  it('a misspelt command, and under help, with LANG=ja_JP.UTF-8', () => {
    for (const args of [['princpal', ROLE], ['help', 'princpal']]) {
      const run = denydoctor({ LANG: 'ja_JP.UTF-8' }, ...args)
      expect(run.status).toBe(2)
      expect(run.stderr).toContain('`princpal` は denydoctor のコマンドではありません。`denydoctor principal` のことですか?')
    }
    const english = denydoctor({ LANG: 'ja_JP.UTF-8' }, 'princpal', '--lang', 'en')
    expect(english.stderr).toContain('`princpal` is not a denydoctor command. Did you mean `denydoctor principal`?')
  })

  it('a profile that is not configured: the Japanese sentence, the English message unchanged', () => {
    let error: unknown
    try {
      checkProfiles({ profile: 'nosuch' }, { AWS_CONFIG_FILE: '/nonexistent/config', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/credentials' }, '/home/x')
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(LocalizedUserError)
    const localized = error as LocalizedUserError
    expect(localized.message).toBe(
      '--profile: profile nosuch is not in /nonexistent/config or /nonexistent/credentials. Check the name, or set it up with `aws configure --profile nosuch` (or `aws configure sso`).',
    )
    expect(localized.say(messages('ja'))).toBe(
      '--profile: プロファイル nosuch は /nonexistent/config にも /nonexistent/credentials にもありません。名前を確認するか、`aws configure --profile nosuch` (または `aws configure sso`) で設定してください。',
    )
    expect(localized.exitStatus).toBe(2)
  })
})
