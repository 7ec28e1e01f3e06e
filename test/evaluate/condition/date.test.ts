import { describe, expect, it } from 'vitest'
import { parseDate } from '../../../src/evaluate/condition/date.js'
import { result, run } from './helpers.js'

// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Date
describe('parseDate', () => {
  it('reads every W3C form and epoch seconds', () => {
    expect(parseDate('2024')).toBe(Date.UTC(2024, 0, 1))
    expect(parseDate('2024-03')).toBe(Date.UTC(2024, 2, 1))
    expect(parseDate('2024-03-15')).toBe(Date.UTC(2024, 2, 15))
    expect(parseDate('2024-03-15T10:30Z')).toBe(Date.UTC(2024, 2, 15, 10, 30))
    expect(parseDate('2024-03-15T10:30:05+02:00')).toBe(Date.UTC(2024, 2, 15, 8, 30, 5))
    expect(parseDate('2024-03-15T10:30:05.250-01:30')).toBe(Date.UTC(2024, 2, 15, 12, 0, 5, 250))
    expect(parseDate('2024-03-15T10:30:05')).toBe(Date.UTC(2024, 2, 15, 10, 30, 5))
    expect(parseDate('1710498605')).toBe(1710498605000)
  })
  it('refuses what is not a date', () => {
    expect(parseDate('2023-02-29')).toBeNull()
    expect(parseDate('2024-13')).toBeNull()
    expect(parseDate('2024-03-15T25:00Z')).toBeNull()
    expect(parseDate('yesterday')).toBeNull()
    expect(parseDate('')).toBeNull()
  })
  it('knows leap years', () => {
    expect(parseDate('2024-02-29')).toBe(Date.UTC(2024, 1, 29))
  })
})

describe('date operators', () => {
  const ctx = { 'aws:CurrentTime': '2024-06-15T12:00:00Z' }

  it('compares partial dates as the start of their period in UTC', () => {
    expect(result('DateGreaterThan', 'aws:CurrentTime', '2024', ctx)).toBe(true)
    expect(result('DateLessThan', 'aws:CurrentTime', '2024-07', ctx)).toBe(true)
    expect(result('DateLessThan', 'aws:CurrentTime', '2024-06-15', ctx)).toBe(false)
    expect(result('DateEquals', 'aws:CurrentTime', '2024-06-15', { 'aws:CurrentTime': '2024-06-15T00:00:00Z' })).toBe(true)
  })

  it('compares across time zones and with epoch seconds on either side', () => {
    expect(result('DateEquals', 'aws:CurrentTime', '2024-06-15T14:00:00+02:00', ctx)).toBe(true)
    expect(result('DateLessThanEquals', 'aws:CurrentTime', String(Date.UTC(2024, 5, 15, 12) / 1000), ctx)).toBe(true)
    expect(result('DateGreaterThanEquals', 'aws:EpochTime', '2024-06-15T12:00:01Z', { 'aws:EpochTime': '1718452800' })).toBe(false)
  })

  it('NORs DateNotEquals', () => {
    expect(result('DateNotEquals', 'aws:CurrentTime', ['2023', '2025'], ctx)).toBe(true)
    expect(result('DateNotEquals', 'aws:CurrentTime', ['2023', '2024-06-15T12:00Z'], ctx)).toBe(false)
  })

  it('treats an unreadable request date as matching nothing', () => {
    expect(result('DateLessThan', 'aws:CurrentTime', '2030', { 'aws:CurrentTime': 'soon' })).toBe(false)
    expect(run('DateLessThan', 'aws:CurrentTime', '2030', { 'aws:CurrentTime': 'soon' }).why).toBe(
      'aws:CurrentTime is soon, which is not a date and therefore is not before 2030, so DateLessThan is false',
    )
  })

  it('explains in words', () => {
    expect(run('DateLessThan', 'aws:CurrentTime', '2024-07', ctx).why).toBe(
      'aws:CurrentTime is 2024-06-15T12:00:00Z, which is before 2024-07, so DateLessThan is true',
    )
  })
})
