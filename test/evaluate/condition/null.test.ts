import { describe, expect, it } from 'vitest'
import { result, run } from './helpers.js'

// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Null
describe('Null', () => {
  it('"true" asks for an absent key', () => {
    expect(result('Null', 'aws:TokenIssueTime', 'true', {})).toBe(true)
    expect(result('Null', 'aws:TokenIssueTime', 'true', { 'aws:TokenIssueTime': '2024-01-01T00:00:00Z' })).toBe(false)
  })
  it('"false" asks for a present key', () => {
    expect(result('Null', 'aws:TokenIssueTime', 'false', {})).toBe(false)
    expect(result('Null', 'aws:TokenIssueTime', 'false', { 'aws:TokenIssueTime': '2024-01-01T00:00:00Z' })).toBe(true)
  })
  it('reads JSON true/false spelled in any case, and a key name in any case', () => {
    expect(result('Null', 'AWS:tokenissuetime', 'TRUE', {})).toBe(true)
  })
  it('counts a known key with no values as absent', () => {
    expect(result('Null', 'aws:TagKeys', 'true', { 'aws:TagKeys': [] })).toBe(true)
  })
  it('is unknown on an unknown key', () => {
    expect(result('Null', 'aws:TokenIssueTime', 'true', {}, { complete: false })).toBe('unknown')
    expect(result('Null', 'aws:TokenIssueTime', 'false', {}, { complete: false })).toBe('unknown')
  })
  it('explains', () => {
    expect(run('Null', 'aws:TokenIssueTime', 'true', {}).why).toBe(
      'aws:TokenIssueTime is absent from the request, which is what Null: "true" asks for, so Null is true',
    )
    expect(run('Null', 'aws:TokenIssueTime', 'true', { 'aws:TokenIssueTime': '2024' }).why).toBe(
      'aws:TokenIssueTime is present in the request (2024), which is not what Null: "true" asks for, so Null is false',
    )
  })
})
