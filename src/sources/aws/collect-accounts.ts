/**
 * How `collect` reaches each account: the caller's own credentials, or a role assumed in the
 * account (`--assume-role-name`). Every client is wrapped by an AwsClientPool, so each request
 * goes through the shared concurrency limit, the read-only guard and `onCall`.
 *
 * The role is assumed through the SDK's fromTemporaryCredentials, as --org-role-arn is in
 * clients.ts; the credentials are shared by all of the account's clients and assumed again
 * shortly before they expire, so a long collection does not fail half-way.
 */
import type { EC2Client } from '@aws-sdk/client-ec2'
import type { IAMClient } from '@aws-sdk/client-iam'
import type { OrganizationsClient } from '@aws-sdk/client-organizations'
import type { S3Client } from '@aws-sdk/client-s3'
import { fromIni, fromTemporaryCredentials } from '@aws-sdk/credential-providers'
import { AwsClientPool, buildClient, type AwsClients, type CallRecord, type ClientSettings, type ExtraClientConfig } from './clients.js'
import type { Limit } from './limit.js'

export type CredentialProvider = ReturnType<typeof fromTemporaryCredentials>
export type Credentials = Awaited<ReturnType<CredentialProvider>>

/** Credentials of a role to assume, given its ARN. */
export type RoleCredentials = (roleArn: string) => CredentialProvider

/** Assume again this long before the credentials expire. */
const REFRESH_MARGIN_MS = 5 * 60_000

/** One AssumeRole answer shared by every caller until it is about to expire. */
export function sharedUntilExpiry(provider: CredentialProvider, now: () => number = Date.now): CredentialProvider {
  let pending: Promise<Credentials> | null = null
  const shared = async (...args: Parameters<CredentialProvider>): Promise<Credentials> => {
    if (pending) {
      const held = await pending.catch(() => null)
      if (held && (!held.expiration || held.expiration.getTime() - now() > REFRESH_MARGIN_MS)) return held
    }
    pending = provider(...args)
    return pending
  }
  return shared as CredentialProvider
}

/** Roles assumed from the caller's credentials (`--profile`, else the default chain); each call to the provider assumes anew. */
export function assumedRoleCredentials(settings: ClientSettings, stsConfig: ExtraClientConfig = {}): RoleCredentials {
  return (roleArn) =>
    fromTemporaryCredentials({
      params: { RoleArn: roleArn, RoleSessionName: 'denydoctor-collect' },
      ...(settings.profile ? { masterCredentials: fromIni({ profile: settings.profile }) } : {}),
      clientConfig: { ...(settings.region ? { region: settings.region } : {}), ...stsConfig },
    })
}

/** An account to collect and how to reach it. */
export interface AccountTarget {
  readonly id: string
  /** The role assumed to reach it; null: the caller's own credentials, which belong to it. */
  readonly roleArn: string | null
}

/** What every account's clients share. */
export interface ClientBase {
  readonly settings: ClientSettings
  readonly limit: Limit
  readonly onCall: ((call: CallRecord) => void) | undefined
  /** Region of the global and default clients (IAM, Organizations, ListBuckets, DescribeRegions). */
  readonly defaultRegion: string
  /** Extra SDK configuration for every client (tests pass a fake HTTP handler). */
  readonly extra: ExtraClientConfig
}

/**
 * The clients of one account. EC2 is regional and S3 answers fastest in the bucket's region,
 * so there is one pool per region, each building its clients only when first asked.
 */
export class AccountClients {
  private readonly pools = new Map<string, AwsClientPool>()

  constructor(
    readonly target: AccountTarget,
    private readonly credentials: CredentialProvider | null,
    private readonly base: ClientBase,
  ) {}

  iam(): IAMClient {
    return this.pool(this.base.defaultRegion).iam()
  }

  organizations(): OrganizationsClient {
    return this.pool(this.base.defaultRegion).organizations()
  }

  s3(region: string = this.base.defaultRegion): S3Client {
    return this.pool(region).s3()
  }

  ec2(region: string = this.base.defaultRegion): EC2Client {
    return this.pool(region).ec2(region)
  }

  /** The pool of one region; handed to readers shared with the live source (managed policies). */
  pool(region: string): AwsClientPool {
    let pool = this.pools.get(region)
    if (!pool) {
      const { settings, limit, onCall, extra } = this.base
      const config = { ...(this.credentials ? { credentials: this.credentials } : {}), ...extra }
      const build = (service: 'iam' | 'organizations' | 's3' | 'ec2') => buildClient(service, { ...settings, region }, 'caller', region, config)
      // Getters: the pool asks for a client the first time it is used, and caches it.
      const lazy: Partial<AwsClients> = {
        get iam() {
          return build('iam') as IAMClient
        },
        get organizations() {
          return build('organizations') as OrganizationsClient
        },
        get s3() {
          return build('s3') as S3Client
        },
        get ec2() {
          return build('ec2') as EC2Client
        },
      }
      pool = new AwsClientPool({ ...settings, region, orgProfile: null, orgRoleArn: null, resourceProfile: null, resourceRoleArn: null }, limit, onCall, lazy)
      this.pools.set(region, pool)
    }
    return pool
  }
}
