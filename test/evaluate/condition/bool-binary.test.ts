import { describe, expect, it } from 'vitest'
import { result, run } from './helpers.js'

// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Boolean
describe('Bool', () => {
  it('compares true and false without regard to case', () => {
    expect(result('Bool', 'aws:SecureTransport', 'true', { 'aws:SecureTransport': 'true' })).toBe(true)
    expect(result('Bool', 'aws:SecureTransport', 'TRUE', { 'aws:SecureTransport': 'True' })).toBe(true)
    expect(result('Bool', 'aws:SecureTransport', 'false', { 'aws:SecureTransport': 'true' })).toBe(false)
  })
  it('matches nothing with a request value that is not a boolean', () => {
    expect(result('Bool', 'aws:SecureTransport', 'true', { 'aws:SecureTransport': 'yes' })).toBe(false)
    expect(result('Bool', 'aws:SecureTransport', 'false', { 'aws:SecureTransport': 'yes' })).toBe(false)
  })
  it('explains', () => {
    expect(run('Bool', 'aws:SecureTransport', 'true', { 'aws:SecureTransport': 'false' }).why).toBe(
      'aws:SecureTransport is false, which is not true, so Bool is false',
    )
  })
  it('keeps a policy variable unexpanded (the AWS pages disagree) and says so', () => {
    const trace = run('Bool', 'aws:MultiFactorAuthPresent', '${aws:SecureTransport}', { 'aws:MultiFactorAuthPresent': 'true', 'aws:SecureTransport': 'true' })
    expect(trace.result).toBe(false)
    expect(trace.why).toContain("AWS's operators page allows it and its variables page does not")
  })
})

// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_BinaryEquals
describe('BinaryEquals', () => {
  it('compares base-64 byte for byte', () => {
    expect(result('BinaryEquals', 'key', 'QmluYXJ5VmFsdWU=', { key: 'QmluYXJ5VmFsdWU=' })).toBe(true)
    expect(result('BinaryEquals', 'key', 'QmluYXJ5VmFsdWU', { key: 'QmluYXJ5VmFsdWU=' })).toBe(true)
    expect(result('BinaryEquals', 'key', 'QmluYXJ5VmFsdWF=', { key: 'QmluYXJ5VmFsdWU=' })).toBe(false)
    expect(result('BinaryEquals', 'key', ['AAAA', 'QmluYXJ5VmFsdWU='], { key: 'QmluYXJ5VmFsdWU=' })).toBe(true)
  })
  it('matches nothing with a request value that is not base-64', () => {
    expect(result('BinaryEquals', 'key', 'QQ==', { key: 'not base64!' })).toBe(false)
    expect(run('BinaryEquals', 'key', 'QQ==', { key: '@@' }).why).toBe(
      'key is @@, which is not base-64 data and therefore equals none of QQ==, so BinaryEquals is false',
    )
  })
})
