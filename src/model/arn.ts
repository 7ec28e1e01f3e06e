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
  // The five colons before the resource, found one by one (splitting the whole text and
  // joining the resource's own colons back cost more, for every ARN of every request).
  const afterPartition = text.indexOf(':', 4)
  const afterService = afterPartition < 0 ? -1 : text.indexOf(':', afterPartition + 1)
  const afterRegion = afterService < 0 ? -1 : text.indexOf(':', afterService + 1)
  const afterAccount = afterRegion < 0 ? -1 : text.indexOf(':', afterRegion + 1)
  if (afterAccount < 0) return null
  const partition = text.slice(4, afterPartition)
  const service = text.slice(afterPartition + 1, afterService)
  if (!partition || !service) return null
  return { partition, service, region: text.slice(afterService + 1, afterRegion), account: text.slice(afterRegion + 1, afterAccount), resource: text.slice(afterAccount + 1) }
}

/** Splits an ARN-shaped string into at most six segments (the last keeps its colons). */
export function arnSegments(text: string): string[] {
  const segments: string[] = []
  let from = 0
  for (let at = text.indexOf(':'); at >= 0 && segments.length < 5; at = text.indexOf(':', from)) {
    segments.push(text.slice(from, at))
    from = at + 1
  }
  segments.push(text.slice(from))
  return segments
}

export const ACCOUNT_ID = /^\d{12}$/

/** A VPC endpoint ID, as aws:SourceVpce carries it: `vpce-` and hexadecimal digits. */
export const VPC_ENDPOINT_ID = /^vpce-[0-9a-f]+$/
