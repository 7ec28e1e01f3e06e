/**
 * From a CloudTrail `eventSource`/`eventName` to the IAM action. The default rule (service
 * prefix from the event source, action = event name) is only a heuristic; the Service
 * Authorization Reference is authoritative, and an action named in the error message beats
 * this mapping.
 * https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html
 */

// Event sources whose host name is not the IAM service prefix.
const PREFIX_BY_SOURCE: Readonly<Record<string, string>> = {
  monitoring: 'cloudwatch',
  email: 'ses',
}

// S3 operation names that differ from the permission they need.
// https://docs.aws.amazon.com/AmazonS3/latest/userguide/using-with-s3-policy-actions.html
const S3_PERMISSION: Readonly<Record<string, string>> = {
  HeadObject: 'GetObject',
  SelectObjectContent: 'GetObject',
  ListObjects: 'ListBucket',
  ListObjectsV2: 'ListBucket',
  HeadBucket: 'ListBucket',
  ListBuckets: 'ListAllMyBuckets',
  ListObjectVersions: 'ListBucketVersions',
  ListMultipartUploads: 'ListBucketMultipartUploads',
  ListParts: 'ListMultipartUploadParts',
  CreateMultipartUpload: 'PutObject',
  UploadPart: 'PutObject',
  UploadPartCopy: 'PutObject',
  CompleteMultipartUpload: 'PutObject',
  CopyObject: 'PutObject',
  DeleteObjects: 'DeleteObject',
  GetBucketLifecycle: 'GetLifecycleConfiguration',
  GetBucketLifecycleConfiguration: 'GetLifecycleConfiguration',
  PutBucketLifecycle: 'PutLifecycleConfiguration',
  PutBucketLifecycleConfiguration: 'PutLifecycleConfiguration',
  DeleteBucketLifecycle: 'PutLifecycleConfiguration',
  GetBucketCors: 'GetBucketCORS',
  PutBucketCors: 'PutBucketCORS',
  DeleteBucketCors: 'PutBucketCORS',
  GetBucketEncryption: 'GetEncryptionConfiguration',
  PutBucketEncryption: 'PutEncryptionConfiguration',
  DeleteBucketEncryption: 'PutEncryptionConfiguration',
  GetBucketReplication: 'GetReplicationConfiguration',
  PutBucketReplication: 'PutReplicationConfiguration',
  DeleteBucketReplication: 'PutReplicationConfiguration',
  GetPublicAccessBlock: 'GetBucketPublicAccessBlock',
  PutPublicAccessBlock: 'PutBucketPublicAccessBlock',
  DeletePublicAccessBlock: 'PutBucketPublicAccessBlock',
  DeleteBucketPublicAccessBlock: 'PutBucketPublicAccessBlock',
  GetBucketNotificationConfiguration: 'GetBucketNotification',
  PutBucketNotificationConfiguration: 'PutBucketNotification',
  DeleteBucketTagging: 'PutBucketTagging',
  GetObjectLockConfiguration: 'GetBucketObjectLockConfiguration',
  PutObjectLockConfiguration: 'PutBucketObjectLockConfiguration',
  DeleteBucketOwnershipControls: 'PutBucketOwnershipControls',
}

// Permissions that have a `…Version…` twin used when the request names a versionId.
const S3_VERSIONED: Readonly<Record<string, string>> = {
  'GetObject': 'GetObjectVersion',
  'DeleteObject': 'DeleteObjectVersion',
  'GetObjectAcl': 'GetObjectVersionAcl',
  'PutObjectAcl': 'PutObjectVersionAcl',
  'GetObjectTagging': 'GetObjectVersionTagging',
  'PutObjectTagging': 'PutObjectVersionTagging',
  'DeleteObjectTagging': 'DeleteObjectVersionTagging',
  'GetObjectAttributes': 'GetObjectVersionAttributes',
}

// Lambda data events log the API name, not the permission.
const LAMBDA_PERMISSION: Readonly<Record<string, string>> = { Invoke: 'InvokeFunction' }

/** IAM service prefix for a CloudTrail event source (`monitoring.amazonaws.com` → `cloudwatch`). */
export function servicePrefix(eventSource: string): string {
  const host = eventSource.trim().toLowerCase().replace(/\.amazonaws\.com(\.cn)?$/, '')
  return PREFIX_BY_SOURCE[host] ?? host
}

/** The IAM action for a CloudTrail eventSource/eventName (heuristic, see the file comment). */
export function actionFromEvent(eventSource: string, eventName: string): string {
  const prefix = servicePrefix(eventSource)
  let name = eventName.trim()
  if (prefix === 's3') name = S3_PERMISSION[name] ?? name
  if (prefix === 'lambda') {
    // API version suffixes: UpdateFunctionConfiguration20150331v2, ListFunctions20150331.
    name = name.replace(/\d{8}(v\d+)?$/, '')
    name = LAMBDA_PERMISSION[name] ?? name
  }
  return `${prefix}:${name}`
}

/** `s3:GetObject` → `s3:GetObjectVersion` when the request named a versionId; other actions unchanged. */
export function s3VersionedAction(action: string): string {
  if (!action.startsWith('s3:')) return action
  const twin = S3_VERSIONED[action.slice(3)]
  return twin ? `s3:${twin}` : action
}

/** Calls that AWS authorizes against more than one permission or resource, worth telling the user. */
export function multiPermissionNote(eventSource: string, eventName: string): string | null {
  const key = `${servicePrefix(eventSource)}:${eventName.trim()}`
  switch (key) {
    case 'ec2:RunInstances':
      return 'RunInstances is authorized against several resources (instance, image, subnet, network interface, security group, key pair, volume), plus ec2:CreateTags when tagging at launch; a deny on any of them fails the call.'
    case 's3:CopyObject':
    case 's3:UploadPartCopy':
      return 'A copy needs s3:PutObject on the destination and s3:GetObject on the source object; the event names the destination.'
    case 's3:DeleteObjects':
      return 'DeleteObjects (multi-object delete) is authorized as s3:DeleteObject for each key.'
    default:
      return null
  }
}
