/**
 * The VPC endpoint a call went through: its policy, which must allow the request and can deny
 * it, and the VPC it sits in (aws:SourceVpc).
 * https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html
 */
import type { SourcedPolicy } from '../../model/index.js'
import { parseDocument, type Gaps } from './documents.js'
import { Kept, QUERY_KEYED_LIMIT } from './kept.js'
import type { SnapshotIndex } from './snapshot-index.js'

export interface EndpointSide {
  readonly policy: SourcedPolicy | null
  readonly knownContext: readonly (readonly [string, readonly string[]])[]
}

/**
 * One per provider: each endpoint is read once per partition and the same frozen side (and
 * policy, which the engine keys its plans by: see kept.ts) returned again, gaps replayed.
 */
export class EndpointReader {
  private readonly kept = new Kept<EndpointSide>(QUERY_KEYED_LIMIT)

  constructor(private readonly index: SnapshotIndex) {}

  read(vpceId: string, partition: string, gaps: Gaps): EndpointSide {
    return this.kept.read(JSON.stringify([vpceId, partition]), gaps, (own) => Object.freeze(readEndpoint(this.index, own, vpceId, partition)))
  }
}

function readEndpoint(index: SnapshotIndex, gaps: Gaps, vpceId: string, partition: string): EndpointSide {
  const located = index.endpoint(vpceId)
  if (!located) {
    gaps.add(
      `VPC endpoint ${vpceId} is not in the snapshot`,
      `The policy of VPC endpoint \`${vpceId}\` was not read, so whether it allows the request is unknown; check the endpoint ID, or collect the snapshot again with its region.`,
    )
    return { policy: null, knownContext: Object.freeze([]) }
  }
  const endpoint = located.item
  const knownContext = Object.freeze([Object.freeze(['aws:SourceVpc', Object.freeze([endpoint.vpcId])] as const)])
  // Endpoint types without policy support (Gateway Load Balancer) have nothing to restrict.
  if (endpoint.policy === null) return { policy: null, knownContext }
  const source = {
    type: 'vpce' as const,
    name: endpoint.id,
    arn: `arn:${partition}:ec2:${endpoint.region}:${located.account}:vpc-endpoint/${endpoint.id}`,
    attachedTo: endpoint.id,
    origin: `policy of VPC endpoint \`${endpoint.id}\` (${endpoint.serviceName} in ${endpoint.vpcId})`,
  }
  return { policy: gaps.take(parseDocument(endpoint.policy, source, 'vpce', gaps.source)), knownContext }
}
