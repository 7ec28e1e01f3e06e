/**
 * `--lang` before the command (`denydoctor --lang ja evaluate case.json`, as the AWS CLI takes
 * its global options anywhere) and on oclif's own help command: bin/run.js rearranges the
 * arguments before oclif reads the first word as the command (src/cli/lang-argv.ts).
 */
import { describe, expect, it } from 'vitest'
import { argvForOclif, withoutLang } from '../../src/cli/lang-argv.js'
import { runBuiltCli } from '../helpers/built-cli.js'

const EXAMPLE = 'examples/scp-deny-runinstances.json'
const denydoctor = (...args: string[]) => runBuiltCli(args, { LANG: 'C' })

describe('argvForOclif', () => {
  it('moves --lang from before the command to after it, both spellings, the rest in order', () => {
    expect(argvForOclif(['--lang', 'ja', 'evaluate', 'case.json', '--json'])).toEqual(['evaluate', 'case.json', '--json', '--lang', 'ja'])
    expect(argvForOclif(['--lang=ja', 'principal', 'arn:aws:iam::1:role/R', '--action', 'ec2:RunInstances'])).toEqual(['principal', 'arn:aws:iam::1:role/R', '--action', 'ec2:RunInstances', '--lang=ja'])
  })

  it('leaves a command line that starts with the command as it is', () => {
    expect(argvForOclif(['evaluate', 'case.json', '--lang', 'ja'])).toEqual(['evaluate', 'case.json', '--lang', 'ja'])
    expect(argvForOclif([])).toEqual([])
  })

  it('takes --lang out when no command follows it (the root help or version reads it) and for oclif’s help command', () => {
    expect(argvForOclif(['--lang', 'ja'])).toEqual([])
    expect(argvForOclif(['--lang', 'ja', '--help'])).toEqual(['--help'])
    expect(argvForOclif(['--lang=ja', '--version'])).toEqual(['--version'])
    expect(argvForOclif(['--lang', 'ja', 'help', 'audit'])).toEqual(['help', 'audit'])
    expect(argvForOclif(['help', 'audit', '--lang', 'ja'])).toEqual(['help', 'audit'])
    expect(withoutLang(['help', '--lang=ja', 'principal'])).toEqual(['help', 'principal'])
  })
})

describe('--lang before the command, end to end', () => {
  it('evaluates the case and reports in Japanese, with the decision’s exit status', () => {
    const run = denydoctor('--lang', 'ja', 'evaluate', EXAMPLE)
    expect(run.stderr).toBe('')
    expect(run.status).toBe(3)
    expect(run.stdout).toContain('拒否 (明示的な拒否)')
    expect(run.stdout).toContain('SCP "DenyRunInstances"')
  })

  it('alone, shows the root help in Japanese instead of refusing `--lang` as a command', () => {
    const run = denydoctor('--lang', 'ja')
    expect(run.status).toBe(0)
    expect(run.stderr).toBe('')
    expect(run.stdout).toContain('AWS の API 呼び出しが拒否された理由')
  })

  it('still refuses a language it does not have, naming the flag', () => {
    const run = denydoctor('--lang', 'xx', 'evaluate', EXAMPLE)
    expect(run.status).toBe(2)
    expect(run.stderr).toContain('Expected --lang=xx to be one of: en, ja')
  })
})
