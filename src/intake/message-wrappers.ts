/**
 * Peels the layers that CLIs and SDKs put around an AWS error message: S3's XML error body,
 * SDK error JSON, the AWS CLI / boto3 sentence, the Go SDK v2 (Terraform) chain, the Java SDK
 * suffix, and a bare `<Code>: ` prefix. What each layer says (code, operation, request id) is
 * kept. Shapes: iam-deny-reference §1.3–1.4;
 * https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html
 */

import { parseJson, record, str } from './json.js'

export interface Wrapping {
  /** Error code (AccessDenied, UnauthorizedOperation, 403 for bodiless HEAD requests, …). */
  errorCode: string | null
  operation: string | null
  /** Service named by the Go SDK (`EC2`, `S3`). */
  service: string | null
  requestId: string | null
  /** S3's XML <Resource> element (a path such as `/bucket/key`). */
  s3Resource: string | null
  hostId: string | null
}

export function emptyWrapping(): Wrapping {
  return { errorCode: null, operation: null, service: null, requestId: null, s3Resource: null, hostId: null }
}

function merge(into: Wrapping, from: Partial<Wrapping>): void {
  for (const key of Object.keys(from) as (keyof Wrapping)[]) {
    const value = from[key]
    if (into[key] === null && value) into[key] = value
  }
}

const XML_ENTITIES: Record<string, string> = { quot: '"', apos: "'", amp: '&', lt: '<', gt: '>' }

function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|quot|apos|amp|lt|gt);/gi, (whole, entity: string) => {
    const lower = entity.toLowerCase()
    if (lower.startsWith('#x')) return String.fromCodePoint(parseInt(lower.slice(2), 16))
    if (lower.startsWith('#')) return String.fromCodePoint(parseInt(lower.slice(1), 10))
    return XML_ENTITIES[lower] ?? whole
  })
}

/**
 * The first <name>…</name>. Two searches rather than one lazy pattern: on text with many
 * opening tags and no closing one, `<name>([\s\S]*?)</name>` takes quadratic time.
 */
function xmlElement(text: string, name: string): string | null {
  const open = new RegExp(`<${name}>`, 'i').exec(text)
  if (!open) return null
  const start = open.index + open[0].length
  const close = new RegExp(`</${name}>`, 'gi')
  close.lastIndex = start
  const end = close.exec(text)
  return end ? decodeXml(text.slice(start, end.index).trim()) : null
}

/** S3 REST, EC2 and IAM/STS query protocols all answer errors in XML with <Code> and <Message>. */
function unwrapXml(text: string, wrapping: Wrapping): string | null {
  if (!/<Error>|<Errors>|<ErrorResponse/i.test(text)) return null
  const code = xmlElement(text, 'Code')
  const message = xmlElement(text, 'Message')
  if (code === null && message === null) return null
  merge(wrapping, {
    errorCode: code,
    requestId: xmlElement(text, 'RequestId') ?? xmlElement(text, 'RequestID'),
    hostId: xmlElement(text, 'HostId'),
    s3Resource: xmlElement(text, 'Resource'),
  })
  return message ?? ''
}

/** `{"__type":…,"message":…}`, `{"name":…,"message":…,"$metadata":…}`, boto3's `{"Error":{…}}`. */
export function errorFromJson(value: unknown, wrapping: Wrapping): string | null {
  const o = record(value)
  if (!o) return null
  const inner = record(o.Error) ?? record(o.error)
  const message = str(o.message) ?? str(o.Message) ?? str(o.errorMessage) ?? str(inner?.Message) ?? str(inner?.message)
  if (message === null) return null
  const typeName = str(o.__type)?.split('#').pop()?.split(':')[0] ?? null
  const name = str(o.name)
  const metadata = record(o.$metadata)
  merge(wrapping, {
    errorCode:
      typeName ?? str(o.Code) ?? str(o.code) ?? str(inner?.Code) ?? str(o.errorCode) ?? (name && name !== 'Error' ? name : null),
    requestId:
      str(metadata?.requestId) ?? str(o.RequestId) ?? str(o.requestId) ?? str(record(o.ResponseMetadata)?.RequestId),
    hostId: str(o.HostId) ?? str(metadata?.extendedRequestId),
    s3Resource: str(o.Resource),
  })
  return message
}

/**
 * Structured layers (XML, JSON) are read on the raw text, before lines are joined, because
 * their line breaks are formatting. Returns the inner message, or the text itself.
 */
export function unwrapStructured(text: string, wrapping: Wrapping): string {
  const xml = unwrapXml(text, wrapping)
  if (xml !== null) return xml
  const trimmed = text.trim()
  if (trimmed.startsWith('{')) {
    const message = errorFromJson(parseJson(trimmed), wrapping)
    if (message !== null) return message
  }
  // A log line that ends with the SDK's error JSON.
  const start = text.indexOf('{"')
  const end = text.lastIndexOf('}')
  if (start >= 0 && end > start) {
    const message = errorFromJson(parseJson(text.slice(start, end + 1)), wrapping)
    if (message !== null) return `${text.slice(0, start)} ${message} ${text.slice(end + 1)}`
  }
  return text
}

// The bounded gaps keep a search linear on long text that repeats a prefix without the rest
// (an unbounded `[^)]+` or `[^]*?` rescans to the end from each occurrence).
const CLI = /An error occurred \(([^)]{1,200})\) when calling the (\w+) operation(?:\s*\(reached max retries: \d+\))?:\s*/i
const GO_V2 =
  /operation error ([\w .-]{1,100}?): (\w+),[^]{0,1000}?(?:StatusCode: (\d+), )?RequestID: ([^,\s]*),(?: HostID: ([^,\s]*),)?[^]{0,1000}?api error ([\w.]+):\s*/
const JAVA_SUFFIX =
  /\s*\(Service: [^;,)]+[;,]\s*Status Code: \d+[;,]\s*(?:Error Code: ([^;,)]+)[;,]\s*)?Request ID: ([^;,)\s]+)[^)]*\)/i
const GO_V1_TRAILER = /\s*status code: \d+, request id: ([\w-]+)/i
const CODE_PREFIX =
  /(?:^|[\s:"'])((?:Client\.)?[A-Z][A-Za-z]*(?:Exception|Denied|Unauthorized\w*|Operation|Error|Forbidden)):\s+(?=User:|You are not authori[sz]ed|Access Denied|Forbidden)/

/** Text-level layers, read on a single line. Returns the text with the layers removed. */
export function unwrapText(text: string, wrapping: Wrapping): string {
  let body = text
  const cli = CLI.exec(body)
  if (cli) {
    merge(wrapping, { errorCode: cli[1]!.replace(/\s+/g, ''), operation: cli[2] })
    body = body.slice(cli.index + cli[0].length)
  }
  const go = GO_V2.exec(body)
  if (go) {
    merge(wrapping, { service: go[1], operation: go[2], requestId: go[4], hostId: go[5], errorCode: go[6] })
    body = body.slice(go.index + go[0].length)
  }
  const java = JAVA_SUFFIX.exec(body)
  if (java) {
    merge(wrapping, { errorCode: java[1]?.replace(/\s+/g, ''), requestId: java[2] })
    body = body.slice(0, java.index) + body.slice(java.index + java[0].length)
  }
  const v1 = GO_V1_TRAILER.exec(body)
  if (v1) {
    merge(wrapping, { requestId: v1[1] })
    body = body.slice(0, v1.index) + body.slice(v1.index + v1[0].length)
  }
  const prefix = CODE_PREFIX.exec(body)
  if (prefix && prefix[1] !== 'Error') {
    merge(wrapping, { errorCode: prefix[1] })
    body = body.slice(prefix.index + prefix[0].length)
  }
  return body.trim()
}
