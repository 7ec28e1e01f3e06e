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

  /** The 12-digit account of the credentials used for `set`. */
  accountOf(set: CredentialSet): Promise<string> {
    const effective = this.pool.effective(set)
    return this.cache.get(effective, async () => {
      const { Account } = await this.pool.sts(effective).send(new GetCallerIdentityCommand({}))
      if (!Account) throw new UnexpectedResponseError('GetCallerIdentity returned no account')
      return Account
    })
  }
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
