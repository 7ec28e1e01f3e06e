import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runBuiltCli } from '../helpers/built-cli.js'

// The conventions people type, through the built CLI (oclif's plugins and hooks are wired in
// package.json, so only a real run shows them).
const root = new URL('../..', import.meta.url).pathname
const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version

const denydoctor = (...args: string[]) => runBuiltCli(args)

describe('help, version and suggestions', () => {
  it.each([['-h'], ['--help'], ['help']])('%s lists the commands', (flag) => {
    const run = denydoctor(flag)
    expect(run.status).toBe(0)
    for (const command of ['principal', 'explain', 'evaluate', 'collect', 'audit']) expect(run.stdout).toMatch(new RegExp(`^\\s+${command}\\s`, 'm'))
  })

  it.each([['help', 'principal'], ['principal', '-h'], ['principal', '--help']])('%s %s shows the command\'s help', (...args) => {
    const run = denydoctor(...args)
    expect(run.status).toBe(0)
    expect(run.stdout).toContain('$ denydoctor principal PRINCIPAL')
    expect(run.stdout).toContain('--demo')
    expect(run.stdout).toContain('EXIT STATUS')
  })

  it.each([['--version'], ['-v'], ['version']])('%s prints the version', (flag) => {
    const run = denydoctor(flag)
    expect(run.status).toBe(0)
    expect(run.stdout).toContain(`denydoctor/${version}`)
  })

  it('suggests the command meant, with exit status 2', () => {
    const run = denydoctor('princpal', 'arn:aws:iam::111111111111:role/TestReadOnly', '--action', 'ec2:RunInstances')
    expect(run.status).toBe(2)
    expect(run.stdout).toBe('')
    expect(run.stderr).toContain('`princpal` is not a denydoctor command. Did you mean `denydoctor principal`?')
  })

  it('suggests the command meant under help too', () => {
    const run = denydoctor('help', 'princpal')
    expect(run.status).toBe(2)
    expect(run.stderr).toContain('`princpal` is not a denydoctor command. Did you mean `denydoctor principal`?')
  })

  it('suggests the flag meant, with exit status 2', () => {
    const run = denydoctor('evaluate', 'examples/scp-deny-runinstances.json', '--frmat', 'json')
    expect(run.status).toBe(2)
    expect(run.stderr).toContain('Nonexistent flag: --frmat (did you mean --format?)')
    expect(run.stderr).toContain('See `denydoctor evaluate --help`.')
  })

  it('keeps the SDK\'s Node.js notice off stderr when an AWS client is built', () => {
    // A live diagnosis without a region fails before any request, after the clients are built
    // (where the SDK would print its notice). bin/run.js itself must switch it off.
    const run = runBuiltCli(['principal', 'arn:aws:iam::111111111111:role/TestReadOnly', '--action', 'ec2:RunInstances'], {
      AWS_CONFIG_FILE: '/nonexistent',
      AWS_SHARED_CREDENTIALS_FILE: '/nonexistent',
      AWS_ACCESS_KEY_ID: 'AKIAEXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'x',
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: undefined,
      AWS_REGION: undefined,
      AWS_DEFAULT_REGION: undefined,
      AWS_PROFILE: undefined,
    })
    expect(run.status).toBe(1)
    expect(run.stderr).toBe('denydoctor: No AWS region is configured; pass --region, set AWS_REGION, or give the profile a region.\n')
  })
})

describe('each command\'s help', () => {
  it.each([
    ['principal', ['0', '1', '2', '3', '4', '5'], 'Print the verdict as JSON'],
    ['explain', ['0', '1', '2', '3', '4', '5'], '--demo'],
    ['evaluate', ['0', '1', '2', '3', '4', '5'], 'evaluate makes no AWS calls'],
    ['collect', ['0', '1', '2', '7'], 'collect prints no verdict'],
    ['audit', ['0', '1', '2', '6'], 'not verdicts'],
  ])('%s lists its exit statuses and says what its flags do there', (command, statuses, text) => {
    const run = denydoctor(command, '--help')
    expect(run.status).toBe(0)
    const section = run.stdout.split('EXIT STATUS\n')[1]!.split('\n\n')[0]!
    expect([...section.matchAll(/^ {2}(\d) /gm)].map((m) => m[1])).toEqual(statuses)
    expect(run.stdout.replace(/\s+/g, ' ')).toContain(text)
  })
})
