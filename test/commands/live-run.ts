/**
 * Runs `denydoctor principal` against the fake AWS and reads back its JSON verdict: the shared
 * plumbing of principal-live.test.ts.
 */
import { afterEach, beforeEach, vi } from 'vitest'
import Principal from '../../src/commands/principal.js'
import type { Verdict } from '../../src/model/index.js'
import { installFakeAws, type FakeAws } from '../helpers/fake-aws.js'
import type { FakeWorld } from '../helpers/fake-world.js'
import { runCommand, type CommandResult } from '../helpers/run-command.js'


export interface LiveRun extends CommandResult {
  readonly aws: FakeAws
  /** The parsed verdict (only for runs with --json that produced one). */
  readonly verdict: Verdict
}

/**
 * Keeps the environment from leaking into messages: no profile named by AWS_PROFILE, no
 * credentials, and no SDK notice about the Node version on stderr.
 */
export function isolateAwsEnvironment(): void {
  beforeEach(() => {
    for (const name of ['AWS_PROFILE', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_DEFAULT_PROFILE']) vi.stubEnv(name, undefined)
    vi.stubEnv('AWS_REGION', 'us-east-1')
    vi.stubEnv('AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED', 'true')
  })
  afterEach(() => {
    vi.unstubAllEnvs()
  })
}

/** `denydoctor principal ARGV` against `world`; adds --json unless asked not to. */
export async function principalLive(world: FakeWorld, argv: string[], options: { json?: boolean } = {}): Promise<LiveRun> {
  const aws = installFakeAws(world)
  const json = options.json ?? true
  const result = await runCommand(Principal, json ? [...argv, '--json'] : argv)
  let verdict = undefined as unknown as Verdict
  if (json && result.stdout.trim().startsWith('{')) verdict = JSON.parse(result.stdout) as Verdict
  return { ...result, aws, verdict }
}

/** `type name @attachedTo #index sid`: the deciding deny, in one comparable string. */
export function deciding(verdict: Verdict): string {
  const d = verdict.denies[0]
  return d ? `${d.policyType} ${d.policyName} @${d.attachedTo} #${d.statementIndex} ${d.sid}` : 'none'
}

export const session = (account: string, role: string, name: string) => `arn:aws:sts::${account}:assumed-role/${role}/${name}`
