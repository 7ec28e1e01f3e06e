/**
 * IpAddress / NotIpAddress: IPv4 or IPv6 CIDR ranges; a bare address is a /32 (IPv4) or /128
 * (IPv6) range. No variables.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_IPAddress
 *
 * An IPv4 address never falls in an IPv6 range and the other way round. That includes
 * IPv4-mapped IPv6 addresses (`::ffff:203.0.113.5`): they are IPv6 here, because guessing that
 * AWS converts them could turn a NotIpAddress deny off. The explanation points it out instead.
 * Only the usual dotted-quad IPv4 form is accepted (not `10.1` or hex octets).
 */
import ipaddr from 'ipaddr.js'
import { family, memo, NEVER, type ValueTest } from './family.js'

type Address = ipaddr.IPv4 | ipaddr.IPv6
type Range = readonly [Address, number]

function parseAddressUncached(text: string): Address | null {
  if (ipaddr.IPv4.isValidFourPartDecimal(text)) return ipaddr.IPv4.parse(text)
  if (text.includes(':') && ipaddr.IPv6.isValid(text)) return ipaddr.IPv6.parse(text)
  return null
}

const addresses = memo<Address | null>()

/** A request's source address is read by every IP clause of every statement: read it once. */
export function parseAddress(text: string): Address | null {
  return addresses(text, parseAddressUncached)
}

function parseRangeUncached(text: string): Range | null {
  const slash = text.indexOf('/')
  if (slash < 0) {
    const address = parseAddress(text)
    return address ? [address, address.kind() === 'ipv4' ? 32 : 128] : null
  }
  const address = parseAddress(text.slice(0, slash))
  const bitsText = text.slice(slash + 1)
  if (!address || !/^\d{1,3}$/.test(bitsText)) return null
  const bits = Number(bitsText)
  if (bits > (address.kind() === 'ipv4' ? 32 : 128)) return null
  return [address, bits]
}

const cached = memo<Range | null>()

export function parseRange(text: string): Range | null {
  return cached(text, parseRangeUncached)
}

export function isIpv4Mapped(address: Address): boolean {
  return address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress()
}

function inRange(request: Address, range: Range | null): boolean {
  if (!range || range[0].kind() !== request.kind()) return false
  // match() is typed loosely across kinds; the kinds are equal here.
  return (request as ipaddr.IPv4).match(range[0] as ipaddr.IPv4, range[1])
}

export const ipFamily = family<Address>({
  noun: 'an IP address',
  read: parseAddress,
  test: (_base, request, policyValue) => inRange(request, parseRange(policyValue)),
  prepare(_base, policyValue): ValueTest<Address> {
    const range = parseRange(policyValue)
    return range === null ? NEVER : (request) => inRange(request, range)
  },
  policyProblem: (policyValue) => (parseRange(policyValue) === null ? `${policyValue} is not an IP address or CIDR range` : null),
})
