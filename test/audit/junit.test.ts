import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { renderAuditJunit, xmlAttribute, xmlText } from '../../src/audit/render-junit.js'
import { finish, type AuditResult } from '../../src/audit/result.js'
import { auditText, EXAMPLE_AUDIT } from './helpers.js'
import { all, parseXml } from './xml-check.js'

const example = await auditText(readFileSync(EXAMPLE_AUDIT, 'utf8'), { fileName: 'examples/audit.yaml' })

describe('the JUnit report of the example audit', () => {
  const xml = renderAuditJunit(example)
  const root = parseXml(xml)

  it('is well-formed XML with the declaration first', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites ')).toBe(true)
    expect(root.name).toBe('testsuites')
  })

  it('has one test case per check, one suite per expectation, and the totals', () => {
    expect(all(root, 'testcase')).toHaveLength(15)
    expect(all(root, 'testsuite').map((s) => [s.attributes['name'], s.attributes['tests']])).toEqual(example.expectations.map((e) => [e.name, String(e.checks.length)]))
    expect(root.attributes).toMatchObject({ tests: '15', failures: '1', errors: '0', skipped: '0', name: 'denydoctor audit Demo organisation guardrails' })
  })

  it('carries the deciding statement in the failure of the check that did not hold', () => {
    const failures = all(root, 'failure')
    expect(failures).toHaveLength(1)
    const failure = failures[0]!
    expect(failure.attributes['type']).toBe('Allowed')
    expect(failure.attributes['message']).toBe('expected deny, got Allowed: inline policy `ReadDataLake` of role `Analytics`, statement 1 (Sid ReadDataLake)')
    expect(failure.text.split('\n')).toEqual([
      'Expected: deny',
      'Actual: Allowed',
      'Deciding statement: inline policy `ReadDataLake` of role `Analytics`, statement 1 (Sid ReadDataLake)',
      'Summary: inline policy `ReadDataLake` of role `Analytics`, statement 1 (Sid ReadDataLake); with bucket policy of `data-lake-222`, statement 1 (Sid AnalyticsReadAccess)',
      'Principal: arn:aws:iam::111111111111:role/Analytics',
      'Action: s3:GetObject',
      'Resource: arn:aws:s3:::data-lake-222/events/2026/11/01.json',
    ])
    const testcase = all(root, 'testcase').find((t) => t.children.includes(failure))!
    expect(testcase.attributes).toEqual({
      name: '111111111111:role/Analytics s3:GetObject on arn:aws:s3:::data-lake-222/events/2026/11/01.json',
      classname: "No role of Workloads reads the Data account's data lake",
    })
  })
})

/** The example result with one expectation renamed and one check's outcome replaced. */
function variant(name: string, change: Partial<AuditResult['expectations'][number]['checks'][number]>, allowUndetermined = false): AuditResult {
  const expectations = example.expectations.map((e, i) => (i === 0 ? { ...e, name, checks: e.checks.map((c, j) => (j === 0 ? { ...c, ...change } : c)) } : e))
  return finish({ ...example, options: { allowUndetermined }, expectations })
}

describe('escaping', () => {
  const nasty = `<Ops & "Dev's"> ]]> \u0007bell\ttab`

  it('keeps names, messages and details intact through a strict XML reader', () => {
    const result = variant(nasty, { outcome: 'failed', decision: 'Allowed', summary: 'let in by </failure><evil attr="1"/> & co', deciding: null })
    const root = parseXml(renderAuditJunit(result))
    const suite = all(root, 'testsuite')[0]!
    // The bell cannot appear in XML 1.0 at all, even as &#7;: it is replaced.
    expect(suite.attributes['name']).toBe(`<Ops & "Dev's"> ]]> \ufffdbell\ttab`)
    const failure = all(suite, 'failure')[0]!
    expect(failure.attributes['message']).toBe('expected explicit-deny: scp, got Allowed: let in by </failure><evil attr="1"/> & co')
    expect(failure.text).toContain('Deciding statement: let in by </failure><evil attr="1"/> & co')
    expect(all(root, 'evil')).toEqual([])
  })

  it('escapes text and attribute values', () => {
    expect(xmlText('a < b && c > d')).toBe('a &lt; b &amp;&amp; c &gt; d')
    expect(xmlAttribute('say "hi"\nit\'s')).toBe('say &quot;hi&quot;&#10;it&apos;s')
    expect(xmlText('\u0000\ud800x')).toBe('\ufffd\ufffdx')
  })
})

describe('undetermined and failed-to-run checks', () => {
  it('an undetermined check fails, unless allowed, when it is skipped', () => {
    const strict = parseXml(renderAuditJunit(variant('x', { outcome: 'undetermined', decision: 'Undetermined', summary: 'may be denied by SCP' })))
    expect(all(strict, 'failure').map((f) => f.attributes['type'])).toEqual(['Undetermined', 'Allowed'])
    const lenient = parseXml(renderAuditJunit(variant('x', { outcome: 'undetermined', decision: 'Undetermined', summary: 'may be denied by SCP' }, true)))
    expect(all(lenient, 'skipped').map((s) => s.attributes['message'])).toEqual(['Undetermined (allowed): may be denied by SCP'])
    expect(lenient.attributes).toMatchObject({ failures: '1', skipped: '1' })
  })

  it('a check that could not be run is an error', () => {
    const root = parseXml(renderAuditJunit(variant('x', { outcome: 'error', decision: null, deciding: null, summary: 'role `Gone` does not exist' })))
    expect(all(root, 'error').map((e) => [e.attributes['type'], e.attributes['message']])).toEqual([['CheckError', 'role `Gone` does not exist']])
    expect(root.attributes).toMatchObject({ errors: '1', failures: '1', tests: '15' })
  })

  it('an expectation that could not be checked at all gets one erroring test case', () => {
    const expectations = example.expectations.map((e, i) => (i === 0 ? { ...e, checks: [], checkCount: 0, errors: ['no principal matched, so nothing was checked'] } : e))
    const root = parseXml(renderAuditJunit(finish({ ...example, expectations })))
    const suite = all(root, 'testsuite')[0]!
    expect(all(suite, 'testcase').map((t) => t.attributes['name'])).toEqual(['(the expectation itself)'])
    expect(all(suite, 'error')[0]!.text).toBe('no principal matched, so nothing was checked')
  })
})
