/**
 * Date operators. Both sides may be W3C ISO-8601 (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`,
 * `YYYY-MM-DDThh:mmTZD`, `…:ssTZD`, `…:ss.sTZD`) or epoch seconds. No wildcards, no variables.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Date
 * https://www.w3.org/TR/NOTE-datetime
 *
 * Assumptions AWS does not document (reference §5 item 9): a partial date means the start of
 * its period in UTC (`2024-03` is 2024-03-01T00:00:00Z), and a time without a zone is UTC.
 * A four-digit number is read as a year, any other run of digits as epoch seconds.
 */
import { memo, orderedFamily } from './family.js'

const ISO =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[Tt](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?([Zz]|[+-]\d{2}:\d{2})?)?)?)?$/
const EPOCH = /^\d+(?:\.\d+)?$/

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

function daysIn(year: number, month: number): number {
  return month === 2 && isLeap(year) ? 29 : MONTH_DAYS[month - 1]!
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

function parseUncached(text: string): number | null {
  const m = ISO.exec(text)
  if (m) {
    const year = Number(m[1])
    const month = m[2] ? Number(m[2]) : 1
    const day = m[3] ? Number(m[3]) : 1
    const hour = m[4] ? Number(m[4]) : 0
    const minute = m[5] ? Number(m[5]) : 0
    const second = m[6] ? Number(m[6]) : 0
    if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return null
    if (hour > 23 || minute > 59 || second > 59) return null
    let offsetMinutes = 0
    const zone = m[8]
    if (zone && zone !== 'Z' && zone !== 'z') {
      const zh = Number(zone.slice(1, 3))
      const zm = Number(zone.slice(4, 6))
      if (zh > 23 || zm > 59) return null
      offsetMinutes = (zone[0] === '-' ? -1 : 1) * (zh * 60 + zm)
    }
    const fraction = m[7] ? Number(`0.${m[7]}`) * 1000 : 0
    let ms = Date.UTC(year, month - 1, day, hour, minute, second)
    // Date.UTC reads years 0–99 as 1900–1999.
    if (year < 100) ms = new Date(ms).setUTCFullYear(year)
    return ms + fraction - offsetMinutes * 60_000
  }
  if (EPOCH.test(text)) return Number(text) * 1000
  return null
}

const cached = memo<number | null>()

/** Milliseconds since the epoch, or null when the text is not a date IAM accepts. */
export function parseDate(text: string): number | null {
  return cached(text, parseUncached)
}

export const dateFamily = orderedFamily('Date', 'a date', parseDate)
