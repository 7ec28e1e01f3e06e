import { describe, expect, it } from 'vitest'
import { result, run } from './helpers.js'

// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_IPAddress
describe('IpAddress and NotIpAddress', () => {
  const v4 = { 'aws:SourceIp': '203.0.113.77' }
  const v6 = { 'aws:SourceIp': '2001:db8:1234:5678::1' }

  it('matches IPv4 CIDR ranges and bare addresses as /32', () => {
    expect(result('IpAddress', 'aws:SourceIp', '203.0.113.0/24', v4)).toBe(true)
    expect(result('IpAddress', 'aws:SourceIp', '203.0.112.0/24', v4)).toBe(false)
    expect(result('IpAddress', 'aws:SourceIp', '203.0.113.77', v4)).toBe(true)
    expect(result('IpAddress', 'aws:SourceIp', '203.0.113.78', v4)).toBe(false)
    expect(result('IpAddress', 'aws:SourceIp', '0.0.0.0/0', v4)).toBe(true)
  })

  it('matches IPv6 ranges and bare addresses as /128', () => {
    expect(result('IpAddress', 'aws:SourceIp', '2001:db8:1234::/48', v6)).toBe(true)
    expect(result('IpAddress', 'aws:SourceIp', '2001:db8:9999::/48', v6)).toBe(false)
    expect(result('IpAddress', 'aws:SourceIp', '2001:DB8:1234:5678:0:0:0:1', v6)).toBe(true)
    expect(result('IpAddress', 'aws:SourceIp', '2001:db8:1234:5678::2', v6)).toBe(false)
  })

  it('never mixes IPv4 and IPv6', () => {
    expect(result('IpAddress', 'aws:SourceIp', '::/0', v4)).toBe(false)
    expect(result('IpAddress', 'aws:SourceIp', '0.0.0.0/0', v6)).toBe(false)
    expect(result('NotIpAddress', 'aws:SourceIp', '0.0.0.0/0', v6)).toBe(true)
  })

  it('keeps IPv4-mapped IPv6 addresses apart from IPv4 ranges, and says why', () => {
    const trace = run('IpAddress', 'aws:SourceIp', '203.0.113.0/24', { 'aws:SourceIp': '::ffff:203.0.113.5' })
    expect(trace.result).toBe(false)
    expect(trace.why).toContain('::ffff:203.0.113.5 is an IPv4-mapped IPv6 address, which no IPv4 range contains')
  })

  it('NORs NotIpAddress', () => {
    expect(result('NotIpAddress', 'aws:SourceIp', ['10.0.0.0/8', '192.0.2.0/24'], v4)).toBe(true)
    expect(result('NotIpAddress', 'aws:SourceIp', ['10.0.0.0/8', '203.0.113.0/24'], v4)).toBe(false)
  })

  it('matches no range with a request value that is not an address (a service name, say)', () => {
    const svc = { 'aws:SourceIp': 'cloudformation.amazonaws.com' }
    expect(result('IpAddress', 'aws:SourceIp', '0.0.0.0/0', svc)).toBe(false)
    expect(result('NotIpAddress', 'aws:SourceIp', '203.0.113.0/24', svc)).toBe(true)
    expect(result('IpAddress', 'aws:SourceIp', '10.0.0.0/8', { 'aws:SourceIp': '10.1' })).toBe(false)
  })

  it('explains', () => {
    expect(run('NotIpAddress', 'aws:SourceIp', ['10.0.0.0/8', '192.0.2.0/24'], v4).why).toBe(
      'aws:SourceIp is 203.0.113.77, which is in none of 10.0.0.0/8, 192.0.2.0/24, so NotIpAddress is true',
    )
    expect(run('IpAddress', 'aws:SourceIp', ['10.0.0.0/33'], v4).why).toContain('10.0.0.0/33 is not an IP address or CIDR range')
  })
})
