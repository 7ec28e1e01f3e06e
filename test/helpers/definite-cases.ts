/**
 * Verdicts of the branch fixtures (test/fixtures/cases/branches) and of the message-evidence
 * fixtures (test/fixtures/evidence), as the report tests of both languages read them.
 */
import { readFileSync } from 'node:fs'
import { evaluateCase } from '../../src/evaluate-case.js'
import { reconcileWithMessage } from '../../src/evaluate/message-evidence.js'
import { parseDeniedMessage } from '../../src/intake/index.js'
import type { Verdict } from '../../src/model/index.js'
import { loadCase } from '../../src/sources/case/load-case.js'

const read = (path: string) => JSON.parse(readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8')) as Record<string, unknown>

export function branchCase(name: string): Verdict {
  const { description: _d, reference: _r, expect: _e, ...caseFile } = read(`cases/branches/${name}.json`)
  return evaluateCase(caseFile)
}

export function evidenceCase(name: string): Verdict {
  const fixture = read(`evidence/${name}.json`) as { message: string; case: Record<string, unknown> }
  const intake = parseDeniedMessage(fixture.message)
  const reported = { denyKind: intake.reportedDenyKind, policyType: intake.reportedPolicyType, policyArn: intake.reportedPolicyArn }
  return reconcileWithMessage(evaluateCase(fixture.case), reported, loadCase(fixture.case).policies)
}
