/**
 * The "assumed for a direct call" line of the text and markdown reports: the context values
 * the verdict rests on that nobody gave (cli-contract.md), so that a reader can see them and
 * override one with --context or --unknown.
 */
import { say } from '../i18n/index.js'
import type { Assumption, Verdict } from '../model/index.js'

/** Keys the verdict assumed, lower-cased, so that the context line need not repeat them. */
export function assumedKeys(verdict: Verdict): ReadonlySet<string> {
  return new Set((verdict.assumptions ?? []).map((a) => a.key.toLowerCase()))
}

const isAbsent = (a: Assumption) => typeof a.value !== 'string' && a.value.length === 0

/** `aws:SecureTransport=true, …; absent: aws:CalledVia, …`, or null when nothing was assumed. */
export function assumptionsText(verdict: Verdict, show: (text: string) => string = (t) => t): string | null {
  const all = verdict.assumptions ?? []
  if (all.length === 0) return null
  const values = all.filter((a) => !isAbsent(a)).map((a) => show(`${a.key}=${typeof a.value === 'string' ? a.value : a.value.join(',')}`))
  const absent = all.filter(isAbsent).map((a) => show(a.key))
  return [values.join(', '), absent.length ? say()['report.assumedAbsent'](absent) : ''].filter(Boolean).join('; ')
}

/** How to override an assumption, said after the assumptions line. */
export function overrideHint(): string {
  return say()['report.overrideHint']
}
