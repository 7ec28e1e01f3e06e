/**
 * A profile that does not exist, said as such: the SDK would otherwise complain of a missing
 * region or of credentials that are "missing, expired or invalid", which sends people to
 * `aws sso login` for a typo. Checked against the same files the SDK reads
 * (https://docs.aws.amazon.com/sdkref/latest/guide/file-location.html): AWS_CONFIG_FILE or
 * ~/.aws/config (`[profile NAME]`, `[default]`) and AWS_SHARED_CREDENTIALS_FILE or
 * ~/.aws/credentials (`[NAME]`).
 */
import { readFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { LocalizedUserError } from './localized-error.js'

/** The profile flags a live command may have. */
export interface ProfileFlags {
  readonly profile?: string | undefined
  readonly 'org-profile'?: string | undefined
  readonly 'resource-profile'?: string | undefined
}

type Env = Readonly<Record<string, string | undefined>>

/** Section names of an INI file; a missing file has none. */
function sections(path: string): string[] | null {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch {
    return null
  }
  return [...text.matchAll(/^\s*\[\s*([^\]]+?)\s*\]/gm)].map((m) => m[1]!)
}

/** Profile names the shared files define, and the files as named in messages. */
function knownProfiles(env: Env = process.env, home: string = homedir()): { names: Set<string>; files: string[] } {
  const configFile = env['AWS_CONFIG_FILE'] || join(home, '.aws', 'config')
  const credentialsFile = env['AWS_SHARED_CREDENTIALS_FILE'] || join(home, '.aws', 'credentials')
  const names = new Set<string>()
  // In the config file a profile is `[profile NAME]` (`[default]` for the default one); a plain
  // `[NAME]` is taken as a profile too, so that nothing the SDK might accept is refused here.
  for (const section of sections(configFile) ?? []) {
    const profile = /^profile\s+(.+)$/.exec(section)
    if (profile) names.add(profile[1]!)
    else if (!/^(sso-session|services)\s/.test(section)) names.add(section)
  }
  for (const section of sections(credentialsFile) ?? []) names.add(section)
  const tilde = (path: string) => (path.startsWith(`${home}/`) ? `~${path.slice(home.length)}` : path)
  return { names, files: [tilde(configFile), tilde(credentialsFile)] }
}

/**
 * Refuses a profile named by a flag or by AWS_PROFILE that neither file defines (exit 2 for a
 * flag, 1 for the environment). Credentials from environment variables alone need no profile.
 */
export function checkProfiles(flags: ProfileFlags, env: Env = process.env, home: string = homedir()): void {
  const wanted: [string, string][] = []
  for (const name of ['profile', 'org-profile', 'resource-profile'] as const) {
    const value = flags[name]
    if (value) wanted.push([`--${name}`, value])
  }
  if (!flags.profile && env['AWS_PROFILE']) wanted.push(['AWS_PROFILE', env['AWS_PROFILE']])
  if (wanted.length === 0) return
  const { names, files } = knownProfiles(env, home)
  for (const [where, name] of wanted) {
    if (names.has(name)) continue
    const known = [...names].sort()
    throw new LocalizedUserError((m) => m['cli.profileMissing'](where, name, files, known), where === 'AWS_PROFILE' ? 1 : 2)
  }
}
