/**
 * The VPC endpoints of one account for a snapshot, in the chosen regions (DescribeRegions for
 * --all-regions), with their policies. An endpoint policy never grants by itself but must
 * allow the call: https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html
 */
import { DescribeRegionsCommand, paginateDescribeVpcEndpoints, type VpcEndpoint } from '@aws-sdk/client-ec2'
import type { CollectionGap } from '../../model/index.js'
import type { SnapshotVpcEndpoint } from '../snapshot/format.js'
import type { AccountClients } from './collect-accounts.js'
import { SourceError } from '../errors.js'
import { attempt, describeAwsError, gapFor, type Attempt } from './errors.js'
import { failedCallOf } from './failed-call.js'

export type RegionChoice = { readonly kind: 'list'; readonly regions: readonly string[] } | { readonly kind: 'all' }

export interface CollectedEndpoints {
  readonly endpoints: readonly SnapshotVpcEndpoint[]
  /** The regions read. */
  readonly regions: readonly string[]
  readonly gaps: readonly CollectionGap[]
  /** Endpoints the snapshot format cannot hold (no VPC or service), by ID: a diagnosis through one reports a gap. */
  readonly skipped: readonly string[]
}

/** The regions enabled for the account (DescribeRegions lists only those by default). */
async function enabledRegions(clients: AccountClients): Promise<string[]> {
  const { Regions } = await clients.ec2().send(new DescribeRegionsCommand({}))
  return (Regions ?? []).map((r) => r.RegionName).filter((name): name is string => Boolean(name)).sort()
}

async function endpointsIn(clients: AccountClients, region: string): Promise<VpcEndpoint[]> {
  const out: VpcEndpoint[] = []
  for await (const page of paginateDescribeVpcEndpoints({ client: clients.ec2(region) }, {})) out.push(...(page.VpcEndpoints ?? []))
  return out
}

function toSnapshot(endpoint: VpcEndpoint, region: string): SnapshotVpcEndpoint | null {
  // Lattice endpoints name a service network or resource configuration instead of a service.
  const serviceName = endpoint.ServiceName ?? endpoint.ServiceNetworkArn ?? endpoint.ResourceConfigurationArn
  if (!endpoint.VpcEndpointId || !endpoint.VpcId || !serviceName) return null
  // Endpoint types without policy support (Gateway Load Balancer) have no document: nothing to restrict.
  return { id: endpoint.VpcEndpointId, vpcId: endpoint.VpcId, region, serviceName, policy: endpoint.PolicyDocument ?? null }
}

/**
 * One region's endpoints, or a gap. A region not enabled for the account answers AuthFailure,
 * which the client pool reports as rejected credentials; with opt-in regions differing from
 * one account to the next, that is a gap for this region, not a reason to stop everything
 * (truly bad credentials stop the run at the account's IAM and S3 reads anyway).
 */
async function readRegion(clients: AccountClients, account: string, region: string): Promise<Attempt<VpcEndpoint[]>> {
  const effect = `The VPC endpoints of account ${account} in ${region} were not read, so a diagnosis through one of them reports a gap`
  try {
    return { ok: true, value: await endpointsIn(clients, region) }
  } catch (error) {
    if (error instanceof SourceError && error.code === 'credentials') {
      const call = failedCallOf(error.cause)
      const gap = {
        source: 'ec2',
        error: describeAwsError(error.cause),
        effect: `${effect}; ${region} refused the credentials, as a region not enabled for the account does (enable it, or leave it out of --region).`,
        ...(call ? { call } : {}),
      }
      return { ok: false, gap }
    }
    return { ok: false, gap: gapFor(error, 'ec2', { leftOut: effect, permission: 'the credentials need ec2:DescribeVpcEndpoints there' }) }
  }
}

export async function collectEndpoints(clients: AccountClients, account: string, choice: RegionChoice): Promise<CollectedEndpoints> {
  let regions: readonly string[] = choice.kind === 'list' ? choice.regions : []
  if (choice.kind === 'all') {
    const listed = await attempt(
      () => enabledRegions(clients),
      'ec2',
      {
        leftOut: `The VPC endpoints of account ${account} were not read in any region, because its regions were not listed`,
        permission: 'the credentials need ec2:DescribeRegions, or pass --region instead of --all-regions',
      },
    )
    if (!listed.ok) return { endpoints: [], regions: [], gaps: [listed.gap], skipped: [] }
    regions = listed.value
  }
  const perRegion = await Promise.all(regions.map(async (region) => ({ region, read: await readRegion(clients, account, region) })))
  const endpoints: SnapshotVpcEndpoint[] = []
  const gaps: CollectionGap[] = []
  const skipped: string[] = []
  for (const { region, read } of perRegion) {
    if (!read.ok) {
      gaps.push(read.gap)
      continue
    }
    for (const endpoint of read.value) {
      // Deleted endpoints carry no traffic; endpoints of other accounts are theirs to collect.
      if (endpoint.State?.toLowerCase() === 'deleted' || (endpoint.OwnerId && endpoint.OwnerId !== account)) continue
      const entry = toSnapshot(endpoint, region)
      if (entry) endpoints.push(entry)
      else if (endpoint.VpcEndpointId) skipped.push(endpoint.VpcEndpointId)
    }
  }
  return { endpoints, regions, gaps, skipped }
}
