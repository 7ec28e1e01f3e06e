/**
 * Live sources for several accounts, as `collect --assume-role-name` reaches them: the
 * caller's own account with the caller's credentials, every other account through a role of
 * the same name assumed there (IAM, S3 and EC2 are read with it). Organizations is read with
 * the caller's credentials (or --org-profile / --org-role-arn) through one client shared by
 * every account, so each organization level is read once per run however many accounts sit
 * under it.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_switch-role-api.html
 */
import { fromIni, fromTemporaryCredentials } from '@aws-sdk/credential-providers'
import type { PolicySourceProvider } from '../types.js'
import { buildClient, type AwsClients } from './clients.js'
import { createAwsProvider, settingsOf, type AwsProviderOptions } from './provider.js'

export interface AccountReachOptions extends AwsProviderOptions {
  /** The role to assume in every other account: `arn:PARTITION:iam::ACCOUNT:role/NAME`. */
  readonly assumeRoleName: string
  readonly partition?: string
}

/** Builds the clients that read one account through `roleArn`; tests pass mocked ones. */
export type AccountClientsFactory = (account: string, roleArn: string) => Partial<AwsClients>

export interface AccountReach {
  /** The source for the caller's own account (the caller's credentials). */
  readonly own: PolicySourceProvider
  /** The account the caller's credentials belong to (asked once). */
  ownAccount(): Promise<string>
  /** The source for another account, through the assumed role; made on first use and kept. */
  forAccount(account: string): PolicySourceProvider
}

export function assumedRoleArn(account: string, roleName: string, partition = 'aws'): string {
  return `arn:${partition}:iam::${account}:role/${roleName.replace(/^\/+/, '')}`
}

/**
 * The client with each answer kept: the same read (operation and input) is sent once. Reads of
 * Organizations do not change during a run, and its API is throttled at a few calls a second.
 */
export function memoizedClient<C extends object>(client: C): C {
  const answers = new Map<string, Promise<unknown>>()
  const send = (client as unknown as { send: (command: object, ...rest: unknown[]) => unknown }).send.bind(client)
  const memoSend = (command: { constructor: { name: string }; input?: unknown }, ...rest: unknown[]): Promise<unknown> => {
    const key = `${command.constructor.name}|${JSON.stringify(command.input ?? {})}`
    let answer = answers.get(key)
    if (!answer) {
      answer = Promise.resolve().then(() => send(command, ...rest))
      answer.catch(() => undefined)
      answers.set(key, answer)
    }
    return answer
  }
  // A proxy keeps `instanceof` true, which the SDK's paginators check.
  return new Proxy(client, { get: (target, property, receiver) => (property === 'send' ? memoSend : Reflect.get(target, property, receiver)) })
}

type CredentialProvider = ReturnType<typeof fromTemporaryCredentials>

/** One AssumeRole answer shared by all of an account's clients, asked again five minutes before it expires. */
function shared(provider: CredentialProvider): CredentialProvider {
  let pending: ReturnType<CredentialProvider> | null = null
  return (async (...args: Parameters<CredentialProvider>) => {
    const held = pending ? await pending.catch(() => null) : null
    if (held && (!held.expiration || held.expiration.getTime() - Date.now() > 5 * 60_000)) return held
    pending = provider(...args)
    return pending
  }) as CredentialProvider
}

function defaultFactory(options: AccountReachOptions): AccountClientsFactory {
  const settings = settingsOf(options)
  const region = settings.region
  return (_account, roleArn) => {
    const credentials = shared(
      fromTemporaryCredentials({
        params: { RoleArn: roleArn, RoleSessionName: 'denydoctor-audit' },
        ...(settings.profile ? { masterCredentials: fromIni({ profile: settings.profile }) } : {}),
        ...(region ? { clientConfig: { region } } : {}),
      }),
    )
    const extra = { credentials }
    const sts = buildClient('sts', settings, 'caller', region, extra) as AwsClients['sts']
    const iam = buildClient('iam', settings, 'caller', region, extra) as AwsClients['iam']
    // EC2 in whichever region a check names (its endpoint lives there), with the assumed role's
    // credentials: left to the pool, it would build them with the caller's own.
    const ec2InRegion = (ec2Region: string | null) => buildClient('ec2', settings, 'caller', ec2Region ?? region, extra) as AwsClients['ec2']
    // Whether the account is in an organization is asked with its own credentials (membership.ts).
    const callerOrganizations = buildClient('organizations', settings, 'caller', region, extra) as AwsClients['organizations']
    if (settings.resourceProfile || settings.resourceRoleArn) return { sts, iam, ec2InRegion, callerOrganizations }
    const s3 = buildClient('s3', settings, 'caller', region, extra) as AwsClients['s3']
    return { sts, iam, ec2InRegion, callerOrganizations, s3, resourceSts: sts, resourceIam: iam, resourceOrganizations: callerOrganizations }
  }
}

export function createAccountReach(options: AccountReachOptions, factory: AccountClientsFactory = defaultFactory(options)): AccountReach {
  const settings = settingsOf(options)
  const injected = options.clients ?? {}
  const organizations = memoizedClient(injected.organizations ?? (buildClient('organizations', settings, 'org', settings.region) as AwsClients['organizations']))
  // Shared, with answers kept, by every account's source: who the organization reader is does
  // not change during a run, and each source would otherwise ask again.
  const orgSts = memoizedClient(injected.orgSts ?? (buildClient('sts', settings, 'org', settings.region) as AwsClients['orgSts']))
  const own = createAwsProvider({ ...options, clients: { ...injected, organizations } })
  const providers = new Map<string, PolicySourceProvider>()
  return {
    own,
    // The own source's answer: GetCallerIdentity is asked once however the run uses it.
    ownAccount: () => own.callerAccount(),
    forAccount(account) {
      let provider = providers.get(account)
      if (!provider) {
        const clients = { organizations, orgSts, ...factory(account, assumedRoleArn(account, options.assumeRoleName, options.partition)) }
        provider = createAwsProvider({ ...options, clients })
        providers.set(account, provider)
      }
      return provider
    },
  }
}
