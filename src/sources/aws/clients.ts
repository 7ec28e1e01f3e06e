/**
 * SDK clients, built lazily: one per service per credential set (and per region for EC2).
 * Every client handed out is wrapped so that each request (each page of a paginator too)
 * goes through the concurrency limit, is reported to `onCall`, is refused when it is not a
 * read, and turns a credentials failure into a SourceError naming the profile to log in with.
 *
 * The standard SDK configuration is left alone: profile, AWS_PROFILE, SSO, environment
 * variables, AWS_REGION, AWS_ENDPOINT_URL all work as they do for the AWS CLI.
 */
import { EC2Client } from '@aws-sdk/client-ec2'
import { IAMClient } from '@aws-sdk/client-iam'
import { OrganizationsClient } from '@aws-sdk/client-organizations'
import { S3Client } from '@aws-sdk/client-s3'
import { STSClient } from '@aws-sdk/client-sts'
import { fromIni, fromTemporaryCredentials } from '@aws-sdk/credential-providers'
import { SourceError } from '../errors.js'
import { classifyAwsError, describeAwsError, regionStop } from './errors.js'
import { markFailedCall } from './failed-call.js'
import type { Limit } from './limit.js'

/**
 * Whose credentials a call uses: the caller's (`--profile`), the organization reader's
 * (`--org-profile` / `--org-role-arn`) or the resource account's (`--resource-profile` /
 * `--resource-role-arn`). Without those flags, `org` and `resource` are the caller's set.
 */
export const CREDENTIAL_SETS = ['caller', 'org', 'resource'] as const
export type CredentialSet = (typeof CREDENTIAL_SETS)[number]

/** The clients the adapters use; tests inject theirs (a missing one is built on demand). */
export interface AwsClients {
  /** Caller's credentials. */
  readonly sts: STSClient
  readonly iam: IAMClient
  /** Caller's credentials, in the request's region. */
  readonly ec2: EC2Client
  /**
   * EC2 clients for any region with the same credentials as `ec2` (an account reached through
   * an assumed role, whose endpoints may be in the region each check names). Unused when `ec2`
   * itself is given.
   */
  readonly ec2InRegion: (region: string | null) => EC2Client
  /** Organization reader's credentials. */
  readonly organizations: OrganizationsClient
  /** Resource account's credentials: reads bucket policies. */
  readonly s3: S3Client
  /** Resource account's credentials: tells which account read the bucket policy. */
  readonly resourceSts: STSClient
  /** Resource account's credentials: reads trust policies of roles in that account. */
  readonly resourceIam: IAMClient
  /** Organization reader's credentials: tells which account reads Organizations. */
  readonly orgSts: STSClient
  /** Caller's credentials: asks whether the caller's own account is in an organization (membership.ts). */
  readonly callerOrganizations: OrganizationsClient
  /** Resource account's credentials: asks whether that account is in an organization. */
  readonly resourceOrganizations: OrganizationsClient
}

export interface ClientSettings {
  readonly profile: string | null
  readonly region: string | null
  readonly orgProfile: string | null
  readonly orgRoleArn: string | null
  readonly resourceProfile: string | null
  readonly resourceRoleArn: string | null
}

export interface CallRecord {
  readonly service: string
  readonly operation: string
  readonly ms: number
  readonly ok: boolean
}

/** Operations that only read. Anything else is refused before it is sent. */
export function isReadOnlyOperation(operation: string): boolean {
  return /^(Get|List|Describe)[A-Z]/.test(operation) || operation === 'AssumeRole' || operation === 'DecodeAuthorizationMessage'
}

/**
 * Reads the concurrency limit does not hold back. Each ListParents answer names the next level
 * up, whose own ListParents and policies wait for it: the walk up an account's parents is the
 * longest run of reads in a diagnosis, and queued behind a burst of GetPolicy calls it would make
 * the whole diagnosis a round trip longer at every level. A walk asks one level at a time, so
 * this adds at most one request in flight per account whose chain is being walked.
 */
const UNQUEUED: ReadonlySet<string> = new Set(['ListParents'])

/** Retries: adaptive mode also slows the client down when AWS throttles (Organizations does, at low rates). */
export const RETRY_CONFIG = { retryMode: 'adaptive', maxAttempts: 6 } as const

type ServiceName = 'sts' | 'iam' | 'organizations' | 's3' | 'ec2'
type SdkClient = STSClient | IAMClient | OrganizationsClient | S3Client | EC2Client
/** Extra SDK configuration (tests pass a fake requestHandler or a fast retry strategy). */
export type ExtraClientConfig = Readonly<Record<string, unknown>>

interface CredentialConfig {
  readonly profile?: string
  readonly credentials?: ReturnType<typeof fromTemporaryCredentials>
}

function credentialConfig(settings: ClientSettings, set: CredentialSet): CredentialConfig {
  const profile = set === 'org' ? settings.orgProfile : set === 'resource' ? settings.resourceProfile : null
  const roleArn = set === 'org' ? settings.orgRoleArn : set === 'resource' ? settings.resourceRoleArn : null
  const base = profile ?? settings.profile
  if (roleArn) {
    return {
      credentials: fromTemporaryCredentials({
        params: { RoleArn: roleArn, RoleSessionName: `denydoctor-${set}` },
        ...(base ? { masterCredentials: fromIni({ profile: base }) } : {}),
        ...(settings.region ? { clientConfig: { region: settings.region } } : {}),
      }),
    }
  }
  return base ? { profile: base } : {}
}

/** Builds one client with denydoctor's settings; exported so tests can drive the real retry path. */
export function buildClient(
  service: ServiceName,
  settings: ClientSettings,
  set: CredentialSet,
  region: string | null,
  extra: ExtraClientConfig = {},
): SdkClient {
  const config = {
    ...RETRY_CONFIG,
    ...credentialConfig(settings, set),
    ...(region ? { region } : {}),
    ...extra,
  }
  switch (service) {
    case 'sts':
      return new STSClient(config)
    case 'iam':
      return new IAMClient(config)
    case 'organizations':
      return new OrganizationsClient(config)
    case 's3':
      // Buckets live in any region; the SDK follows S3's redirect to the bucket's region.
      return new S3Client({ followRegionRedirects: true, ...config })
    case 'ec2':
      return new EC2Client(config)
  }
}

export class AwsClientPool {
  private readonly built = new Map<string, SdkClient>()

  constructor(
    private readonly settings: ClientSettings,
    private readonly limit: Limit,
    private readonly onCall: ((call: CallRecord) => void) | undefined,
    private readonly injected: Partial<AwsClients> = {},
  ) {}

  /** Whether `set` uses credentials of its own rather than the caller's. */
  hasOwnCredentials(set: CredentialSet): boolean {
    if (set === 'org') return Boolean(this.settings.orgProfile || this.settings.orgRoleArn)
    if (set === 'resource') return Boolean(this.settings.resourceProfile || this.settings.resourceRoleArn)
    return false
  }

  /** The credential set actually used for `set` (`caller` when it has no credentials of its own). */
  effective(set: CredentialSet): CredentialSet {
    return this.hasOwnCredentials(set) ? set : 'caller'
  }

  sts(set: CredentialSet): STSClient {
    const effective = this.effective(set)
    const injected = { caller: this.injected.sts, org: this.injected.orgSts, resource: this.injected.resourceSts }[effective]
    return this.get('sts', effective, null, injected) as STSClient
  }

  /** IAM with the caller's credentials, or the resource account's (trust policies there). */
  iam(set: 'caller' | 'resource' = 'caller'): IAMClient {
    const effective = this.effective(set)
    return this.get('iam', effective, null, effective === 'caller' ? this.injected.iam : this.injected.resourceIam) as IAMClient
  }

  organizations(): OrganizationsClient {
    return this.get('organizations', this.effective('org'), null, this.injected.organizations) as OrganizationsClient
  }

  /**
   * Organizations with the credentials of `set` itself, to ask DescribeOrganization about that
   * set's own account. Without an injected client of its own, the caller's set shares the
   * organization reader's client when the reader is the caller.
   */
  ownOrganizations(set: 'caller' | 'resource'): OrganizationsClient {
    if (this.effective(set) === 'resource') return this.get('organizations', 'resource', null, this.injected.resourceOrganizations, '-own') as OrganizationsClient
    if (this.injected.callerOrganizations) return this.get('organizations', 'caller', null, this.injected.callerOrganizations, '-own') as OrganizationsClient
    if (!this.hasOwnCredentials('org')) return this.organizations()
    return this.get('organizations', 'caller', null, undefined, '-own') as OrganizationsClient
  }

  s3(): S3Client {
    return this.get('s3', this.effective('resource'), null, this.injected.s3) as S3Client
  }

  ec2(region: string | null): EC2Client {
    const injected = this.injected.ec2 ?? this.injected.ec2InRegion?.(region ?? this.settings.region)
    return this.get('ec2', 'caller', region, injected) as EC2Client
  }

  /** Who a credential set is, for messages: "profile `dev`", "role `arn:…` (--org-role-arn)". */
  describeCredentials(set: CredentialSet): string {
    const effective = this.effective(set)
    if (effective === 'org' && this.settings.orgRoleArn) return `the role \`${this.settings.orgRoleArn}\` assumed for --org-role-arn`
    if (effective === 'resource' && this.settings.resourceRoleArn) {
      return `the role \`${this.settings.resourceRoleArn}\` assumed for --resource-role-arn`
    }
    const profile = this.profileOf(effective)
    return profile ? `profile \`${profile}\`` : 'the default credentials (environment variables or the default profile)'
  }

  private profileOf(set: CredentialSet): string | null {
    const own = set === 'org' ? this.settings.orgProfile : set === 'resource' ? this.settings.resourceProfile : null
    return own ?? this.settings.profile ?? process.env['AWS_PROFILE'] ?? null
  }

  private credentialsError(set: CredentialSet, error: unknown): SourceError {
    const profile = this.profileOf(set)
    const login = profile
      ? `log in again with \`aws sso login --profile ${profile}\` (or refresh that profile's keys)`
      : 'refresh them (`aws sso login` for SSO) or pass --profile'
    return new SourceError(
      'credentials',
      `The AWS credentials of ${this.describeCredentials(set)} are missing, expired or invalid (${describeAwsError(error)}); ${login} and run again.`,
      { cause: error },
    )
  }

  private get(service: ServiceName, set: CredentialSet, region: string | null, injected: SdkClient | undefined, keySuffix = ''): SdkClient {
    const key = `${service}${keySuffix}|${set}|${region ?? ''}`
    let client = this.built.get(key)
    if (!client) {
      const raw = injected ?? buildClient(service, this.settings, set, region ?? this.settings.region)
      client = this.instrument(raw, service, set)
      this.built.set(key, client)
    }
    return client
  }

  private instrument<C extends SdkClient>(client: C, service: ServiceName, set: CredentialSet): C {
    const send = async (command: { constructor: { name: string } }, ...rest: unknown[]): Promise<unknown> => {
      const operation = command.constructor.name.replace(/Command$/, '')
      if (!isReadOnlyOperation(operation)) {
        throw new Error(`denydoctor only reads from AWS; it refused to send ${service}:${operation}`)
      }
      const run = async (): Promise<unknown> => {
        const started = performance.now()
        let ok = false
        try {
          const result = await (client.send as (...args: unknown[]) => Promise<unknown>).call(client, command, ...rest)
          ok = true
          return result
        } catch (error) {
          markFailedCall(error, service, operation, (command as { input?: unknown }).input)
          const kind = classifyAwsError(error)
          if (kind === 'credentials') throw this.credentialsError(set, error)
          // The SDK wants a region even for IAM's global endpoint; say so before anything else fails.
          throw regionStop(kind, error) ?? error
        } finally {
          this.onCall?.({ service, operation, ms: Math.round(performance.now() - started), ok })
        }
      }
      return UNQUEUED.has(operation) ? run() : this.limit(run, service)
    }
    // A proxy keeps `instanceof` true, which the SDK's paginators check.
    return new Proxy(client, {
      get(target, property, receiver) {
        return property === 'send' ? send : Reflect.get(target, property, receiver)
      },
    })
  }
}
