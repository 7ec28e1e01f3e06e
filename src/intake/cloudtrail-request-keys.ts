import { servicePrefix } from './event-actions.js'
import { list, record, str, type JsonObject } from './json.js'

/**
 * Condition keys that come from a CloudTrail record's `requestParameters`: request tags and a
 * small per-service map. Only what the parameters state is used; anything the record does not
 * hold stays unknown.
 * Tags: https://docs.aws.amazon.com/IAM/latest/UserGuide/access_tags.html
 * S3 object tags: https://docs.aws.amazon.com/AmazonS3/latest/userguide/tagging-and-policies.html
 */

export interface RequestKeys {
  readonly context: Record<string, string | string[]>
  readonly notes: string[]
}

type Tags = Map<string, string>

/** `{key,value}` / `{Key,Value}` pairs, in an array, in `{items}`, or a single object. */
function addPairs(value: unknown, into: Tags): void {
  for (const item of list(value)) {
    const pair = record(item)
    const key = str(pair?.key) ?? str(pair?.Key)
    if (key !== null) into.set(key, str(pair?.value) ?? str(pair?.Value) ?? '')
  }
}

/** `tags` is a plain map for Lambda, SQS and others, a list of pairs for IAM, STS and ECS. */
function addTagsParameter(value: unknown, into: Tags): void {
  const map = record(value)
  if (map && !('items' in map) && !('key' in map) && !('Key' in map)) {
    for (const [key, v] of Object.entries(map)) into.set(key, str(v) ?? '')
  } else {
    addPairs(value, into)
  }
}

/** `x-amz-tagging: k1=v1&k2=v2` (PutObject). */
function addQueryTags(value: string, into: Tags): void {
  for (const part of value.split('&')) {
    if (!part) continue
    const [key, v = ''] = part.split('=')
    try {
      into.set(decodeURIComponent(key!.replace(/\+/g, ' ')), decodeURIComponent(v.replace(/\+/g, ' ')))
    } catch {
      into.set(key!, v)
    }
  }
}

function setTags(context: Record<string, string | string[]>, tags: Tags, tagKey: string, keysKey: string): void {
  if (tags.size === 0) return
  for (const [key, value] of tags) context[`${tagKey}/${key}`] = value
  context[keysKey] = [...tags.keys()]
}

const S3_OBJECT_TAGGING = new Set(['PutObject', 'PutObjectTagging', 'CopyObject', 'CreateMultipartUpload'])

function tagKeys(prefix: string, eventName: string, params: JsonObject, context: Record<string, string | string[]>): void {
  const tags: Tags = new Map()
  for (const spec of list(params.tagSpecificationSet ?? params.TagSpecifications)) {
    const s = record(spec)
    addPairs(s?.tags ?? s?.Tags ?? s?.tagSet, tags)
  }
  addPairs(params.tagSet, tags)
  if (params.tags !== undefined) addTagsParameter(params.tags, tags)
  if (params.Tags !== undefined) addTagsParameter(params.Tags, tags)
  const tagging = record(params.Tagging) ?? record(params.tagging)
  addPairs(record(tagging?.TagSet)?.Tag, tags)
  const header = str(params['x-amz-tagging'])
  if (header) addQueryTags(header, tags)
  if (prefix === 's3' && S3_OBJECT_TAGGING.has(eventName)) setTags(context, tags, 's3:RequestObjectTag', 's3:RequestObjectTagKeys')
  else setTags(context, tags, 'aws:RequestTag', 'aws:TagKeys')
}

// requestParameters field → service condition key, where the value is used as logged.
const DIRECT_KEYS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  s3: {
    'prefix': 's3:prefix',
    'delimiter': 's3:delimiter',
    'max-keys': 's3:max-keys',
    'versionId': 's3:VersionId',
    'x-amz-server-side-encryption': 's3:x-amz-server-side-encryption',
    'x-amz-server-side-encryption-aws-kms-key-id': 's3:x-amz-server-side-encryption-aws-kms-key-id',
    'x-amz-acl': 's3:x-amz-acl',
    'x-amz-storage-class': 's3:x-amz-storage-class',
  },
  kms: { encryptionAlgorithm: 'kms:EncryptionAlgorithm', keySpec: 'kms:KeySpec', keyUsage: 'kms:KeyUsage' },
}

const S3_AUTH_TYPE: Readonly<Record<string, string>> = { AuthHeader: 'REST-HEADER', QueryString: 'REST-QUERY-STRING' }

function serviceKeys(prefix: string, event: JsonObject, params: JsonObject, context: Record<string, string | string[]>): void {
  for (const [field, key] of Object.entries(DIRECT_KEYS[prefix] ?? {})) {
    const value = str(params[field])
    if (value !== null) context[key] = value
  }
  if (prefix === 'ec2') {
    const types = new Set<string>()
    const direct = str(params.instanceType)
    if (direct) types.add(direct)
    for (const item of list(record(params.instancesSet)?.items ?? params.instancesSet)) {
      const type = str(record(item)?.instanceType)
      if (type) types.add(type)
    }
    if (types.size === 1) context['ec2:InstanceType'] = [...types][0]!
    else if (types.size > 1) context['ec2:InstanceType'] = [...types]
    const region = str(event.awsRegion)
    if (region) context['ec2:Region'] = region
  }
  if (prefix === 's3') {
    const extra = record(event.additionalEventData)
    const auth = S3_AUTH_TYPE[str(extra?.AuthenticationMethod) ?? '']
    if (auth) context['s3:authType'] = auth
    const tls = str(record(event.tlsDetails)?.tlsVersion)?.replace(/^TLSv/i, '')
    if (tls) context['s3:TlsVersion'] = tls
  }
  if (prefix === 'kms') {
    const encryptionContext = record(params.encryptionContext)
    if (encryptionContext) {
      for (const [key, value] of Object.entries(encryptionContext)) context[`kms:EncryptionContext:${key}`] = str(value) ?? ''
      if (Object.keys(encryptionContext).length) context['kms:EncryptionContextKeys'] = Object.keys(encryptionContext)
    }
  }
}

/** Request tags and service keys from `requestParameters`. */
export function requestKeysFromEvent(event: JsonObject): RequestKeys {
  const context: Record<string, string | string[]> = {}
  const notes: string[] = []
  const params = record(event.requestParameters)
  const prefix = servicePrefix(str(event.eventSource) ?? '')
  const eventName = str(event.eventName) ?? ''
  if (params) {
    tagKeys(prefix, eventName, params, context)
    serviceKeys(prefix, event, params, context)
  } else if (event.requestParameters === null) {
    notes.push('The event logs no requestParameters, so request condition keys (tags, service keys) are unknown.')
  }
  return { context, notes }
}
