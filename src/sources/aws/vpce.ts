/**
 * The policy of the VPC endpoint a request went through, and the VPC it sits in
 * (aws:SourceVpc). An endpoint policy never grants by itself, but it must allow the call.
 * https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html
 */
import { paginateDescribeVpcEndpoints, type VpcEndpoint } from '@aws-sdk/client-ec2'
import type { CollectionGap, SourcedPolicy } from '../../model/index.js'
import type { AwsClientPool } from './clients.js'
import { parseDocument } from './documents.js'
import { attempt } from './errors.js'
import { OnceCache } from './limit.js'

export interface EndpointPolicy {
  readonly policy: SourcedPolicy | null
  readonly knownContext: readonly (readonly [string, readonly string[]])[]
  readonly gaps: readonly CollectionGap[]
}

export class EndpointPolicies {
  private readonly cache = new OnceCache<EndpointPolicy>()

  constructor(private readonly pool: AwsClientPool) {}

  read(vpceId: string, region: string | null, partition: string): Promise<EndpointPolicy> {
    return this.cache.get(`${region ?? ''}|${vpceId}`, () => this.readOnce(vpceId, region, partition))
  }

  private async readOnce(vpceId: string, region: string | null, partition: string): Promise<EndpointPolicy> {
    const where = region ? `region ${region}` : 'the default region'
    const notRead = `The policy of VPC endpoint \`${vpceId}\` was not read, so whether it allows the request is unknown`
    const found = await attempt(
      async () => {
        const endpoints: VpcEndpoint[] = []
        const pages = paginateDescribeVpcEndpoints({ client: this.pool.ec2(region) }, { VpcEndpointIds: [vpceId] })
        for await (const page of pages) endpoints.push(...(page.VpcEndpoints ?? []))
        return endpoints.find((endpoint) => endpoint.VpcEndpointId === vpceId) ?? null
      },
      'ec2',
      `${notRead}; check the endpoint ID and pass --region for the endpoint's region (looked in ${where} with ${this.pool.describeCredentials('caller')}).`,
    )
    if (!found.ok) return { policy: null, knownContext: [], gaps: [found.gap] }
    const endpoint = found.value
    if (!endpoint) {
      const gap = { source: 'ec2', error: `DescribeVpcEndpoints did not return \`${vpceId}\``, effect: `${notRead}; pass --region for the endpoint's region.` }
      return { policy: null, knownContext: [], gaps: [gap] }
    }
    const knownContext: [string, string[]][] = endpoint.VpcId ? [['aws:SourceVpc', [endpoint.VpcId]]] : []
    // Endpoint types without policy support (Gateway Load Balancer) return no document: nothing to restrict.
    if (endpoint.PolicyDocument === undefined) return { policy: null, knownContext, gaps: [] }
    const arn = region && endpoint.OwnerId ? `arn:${partition}:ec2:${region}:${endpoint.OwnerId}:vpc-endpoint/${vpceId}` : null
    const details = [endpoint.ServiceName, endpoint.VpcId ? `in ${endpoint.VpcId}` : null].filter(Boolean).join(' ')
    const origin = `policy of VPC endpoint \`${vpceId}\`${details ? ` (${details})` : ''}`
    const parsed = parseDocument(endpoint.PolicyDocument, { type: 'vpce', name: vpceId, arn, attachedTo: vpceId, origin }, 'vpce', 'ec2')
    return parsed.ok ? { policy: parsed.policy, knownContext, gaps: [] } : { policy: null, knownContext, gaps: [parsed.gap] }
  }
}
