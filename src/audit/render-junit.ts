/**
 * JUnit XML for CI systems: one test suite per expectation, one test case per check
 * (principal × action × resource), failures carrying the deciding statement. An expectation
 * that could not be checked at all gets one test case with an error, so it is never green.
 * Format as read by Jenkins, GitLab and the GitHub test reporters (Ant/Surefire JUnit).
 */
import { messages, type Catalogue, type Lang } from '../i18n/index.js'
import { shortPrincipal } from './render-rows.js'
import { checkFails, type AuditResult, type CheckResult, type ExpectationResult } from './result.js'

/** Characters XML 1.0 cannot hold at all, even escaped: C0 controls but tab, CR, LF; lone surrogates; U+FFFE/F. */
const INVALID_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g

export function xmlText(text: string): string {
  return text.replace(INVALID_XML, '\ufffd').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** An attribute value (double-quoted): line breaks and tabs kept as character references. */
export function xmlAttribute(text: string): string {
  return xmlText(text).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;')
}

function attributes(values: Readonly<Record<string, string | number>>): string {
  return Object.entries(values)
    .map(([k, v]) => ` ${k}="${xmlAttribute(String(v))}"`)
    .join('')
}

// The test case's name stays in English words: CI systems key a test's history by it.
function caseName(check: CheckResult): string {
  return `${shortPrincipal(check.principal)} ${check.action}${check.resource ? ` on ${check.resource}` : ''}`
}

function details(check: CheckResult, m: Catalogue): string {
  const lines = [
    m['junit.expected'](check.expected),
    m['junit.actual'](check.decision ?? m['audit.couldNotCheck']),
    m['junit.deciding'](check.deciding?.label ?? check.summary),
  ]
  if (check.deciding && check.summary !== check.deciding.label) lines.push(m['junit.summary'](check.summary))
  if (check.deciding?.policyArn) lines.push(m['junit.policyArn'](check.deciding.policyArn))
  for (const missing of check.missingAllows) lines.push(m['junit.noAllowIn'](missing.label))
  for (const gap of check.incomplete) lines.push(m['junit.notRead'](gap))
  lines.push(m['junit.principal'](check.principal), m['junit.action'](check.action), m['junit.resource'](check.resource ?? m['junit.notGiven']))
  return lines.join('\n')
}

function testCase(check: CheckResult, classname: string, allowUndetermined: boolean, m: Catalogue): string {
  const open = `    <testcase${attributes({ name: caseName(check), classname })}`
  if (check.outcome === 'held') return `${open}/>`
  if (check.outcome === 'undetermined' && allowUndetermined) {
    return `${open}>\n      <skipped${attributes({ message: m['junit.undeterminedAllowed'](check.summary) })}/>\n    </testcase>`
  }
  if (check.outcome === 'error') {
    return `${open}>\n      <error${attributes({ message: check.summary, type: 'CheckError' })}>${xmlText(details(check, m))}</error>\n    </testcase>`
  }
  const message = m['junit.failure'](check.expected, check.decision ?? 'error', check.deciding?.label ?? check.summary)
  return `${open}>\n      <failure${attributes({ message, type: check.decision ?? 'Error' })}>${xmlText(details(check, m))}</failure>\n    </testcase>`
}

function suite(e: ExpectationResult, result: AuditResult, m: Catalogue): string {
  const allow = result.options.allowUndetermined
  const classname = e.name
  const cases = e.checks.map((c) => testCase(c, classname, allow, m))
  if (e.errors.length) {
    cases.push(`    <testcase${attributes({ name: m['junit.expectationItself'], classname })}>\n      <error${attributes({ message: e.errors.join('; '), type: 'ExpectationError' })}>${xmlText(e.errors.join('\n'))}</error>\n    </testcase>`)
  }
  const counts = {
    tests: cases.length,
    failures: e.checks.filter((c) => c.outcome === 'failed' || (c.outcome === 'undetermined' && !allow)).length,
    errors: e.checks.filter((c) => c.outcome === 'error').length + (e.errors.length ? 1 : 0),
    skipped: e.checks.filter((c) => c.outcome === 'undetermined' && allow).length,
  }
  const properties = [`    <properties>`, `      <property${attributes({ name: 'expected', value: e.expected })}/>`, ...(e.description ? [`      <property${attributes({ name: 'description', value: e.description })}/>`] : []), `    </properties>`]
  return [`  <testsuite${attributes({ name: e.name, ...counts, timestamp: result.ranAt.replace(/\.\d+Z$/, '').replace(/Z$/, '') })}>`, ...properties, ...cases, '  </testsuite>'].join('\n')
}

export function renderAuditJunit(result: AuditResult, lang: Lang = 'en'): string {
  const m = messages(lang)
  const suites = result.expectations.filter((e) => e.checks.length > 0 || e.errors.length > 0)
  const checks = suites.flatMap((e) => e.checks)
  const allow = result.options.allowUndetermined
  const totals = {
    name: `denydoctor audit ${result.audit.name ?? result.audit.file}`,
    tests: checks.length + suites.filter((e) => e.errors.length).length,
    failures: checks.filter((c) => checkFails(c, allow) && c.outcome !== 'error').length,
    errors: checks.filter((c) => c.outcome === 'error').length + suites.filter((e) => e.errors.length).length,
    skipped: checks.filter((c) => c.outcome === 'undetermined' && allow).length,
  }
  return ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites${attributes(totals)}>`, ...suites.map((e) => suite(e, result, m)), '</testsuites>', ''].join('\n')
}
