/**
 * Which account a credential set belongs to (STS GetCallerIdentity, asked once per set and
 * only when something needs it), and decoding of EC2's encoded authorization messages.
 */
import { DecodeAuthorizationMessageCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts'
import type { AwsClientPool, CredentialSet } from './clients.js'
import { SourceError } from '../errors.js'
import { classifyAwsError, describeAwsError, gapFor, UnexpectedResponseError } from './errors.js'
import { OnceCache } from './limit.js'

export class CallerIdentities {
  private readonly cache = new OnceCache<string>()

  constructor(private readonly pool: AwsClientPool) {}

  /** The 12-digit account of the credentials used for `set`; rejects with the SDK's error (for reads that make it a gap). */
  accountOf(set: CredentialSet): Promise<string> {
    const effective = this.pool.effective(set)
    return this.cache.get(effective, async () => {
      const { Account } = await this.pool.sts(effective).send(new GetCallerIdentityCommand({}))
      if (!Account) throw new UnexpectedResponseError('GetCallerIdentity returned no account')
      return Account
    })
  }

  /**
   * The account, for what cannot go on without it (whether the principal is in the credentials'
   * account, whose principals to list, whose organization was read): a failure is a SourceError.
   */
  async requireAccountOf(set: CredentialSet): Promise<string> {
    try {
      return await this.accountOf(set)
    } catch (error) {
      throw identityUnreadable(this.pool, set, error, 'so nothing could be diagnosed')
    }
  }
}

/**
 * GetCallerIdentity's failure as one sentence (a 5xx after the SDK's retries, STS not activated
 * in the region). Credentials, network and region failures get gapFor's sentences instead, and
 * a program error is thrown as it is.
 */
export function identityUnreadable(pool: AwsClientPool, set: CredentialSet, error: unknown, consequence: string): SourceError {
  if (error instanceof SourceError) return error
  gapFor(error, 'sts', '') // throws for credentials, network, region and program errors
  return new SourceError('failed', `The identity of ${pool.describeCredentials(set)} could not be read (${describeAwsError(error)}), ${consequence}.`, { cause: error })
}

/**
 * The JSON text of an encoded authorization message (the `Encoded authorization failure
 * message` of EC2 and others), decoded with the caller's credentials.
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_DecodeAuthorizationMessage.html
 */
export async function decodeAuthorizationMessage(pool: AwsClientPool, encoded: string): Promise<string> {
  try {
    const { DecodedMessage } = await pool.sts('caller').send(new DecodeAuthorizationMessageCommand({ EncodedMessage: encoded.trim() }))
    if (DecodedMessage === undefined) throw new UnexpectedResponseError('DecodeAuthorizationMessage returned no message')
    return DecodedMessage
  } catch (error) {
    if (error instanceof SourceError) throw error
    const detail = describeAwsError(error)
    if (classifyAwsError(error) === 'access-denied') {
      throw new SourceError(
        'access-denied',
        `The encoded authorization message could not be decoded with ${pool.describeCredentials('caller')} (${detail}); they need sts:DecodeAuthorizationMessage, in the account where the request failed.`,
        { cause: error },
      )
    }
    if (field(error) === 'InvalidAuthorizationMessageException') {
      throw new SourceError('failed', `The encoded authorization message is not valid (${detail}); copy all of it, without line breaks.`, { cause: error })
    }
    gapFor(error, 'sts', '') // throws for credentials, network, region and program errors
    throw new SourceError('failed', `The encoded authorization message could not be decoded (${detail}).`, { cause: error })
  }
}

function field(error: unknown): unknown {
  return typeof error === 'object' && error !== null ? (error as { name?: unknown }).name : undefined
}
