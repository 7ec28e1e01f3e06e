/**
 * ARN parsing. An ARN is `arn:partition:service:region:account:resource`; the resource part
 * may itself contain `:` and `/`.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html
 */

export interface Arn {
  readonly partition: string
  readonly service: string
  readonly region: string
  readonly account: string
  readonly resource: string
}

/** Parses an ARN, or returns null when the text is not one. */
export function parseArn(text: string): Arn | null {
  if (!text.startsWith('arn:')) return null
  const parts = text.split(':')
  if (parts.length < 6) return null
  const [, partition, service, region, account] = parts as [string, string, string, string, string]
  if (!partition || !service) return null
  return { partition, service, region, account, resource: parts.slice(5).join(':') }
}

/** Splits an ARN-shaped string into at most six segments (the last keeps its colons). */
export function arnSegments(text: string): string[] {
  const parts = text.split(':')
  if (parts.length <= 6) return parts
  return [...parts.slice(0, 5), parts.slice(5).join(':')]
}

export const ACCOUNT_ID = /^\d{12}$/

/** A VPC endpoint ID, as aws:SourceVpce carries it: `vpce-` and hexadecimal digits. */
export const VPC_ENDPOINT_ID = /^vpce-[0-9a-f]+$/
