/**
 * The `explain` header: what was read from the user's input before the diagnosis (the
 * contract's `intake` object), as label/value rows for the text and markdown reports.
 */
import { POLICY_TYPES, type PolicyType } from '../model/index.js'
import { say } from '../i18n/index.js'
import { POLICY_TYPE_WORDS } from './wording.js'

/** Keys shown in a fixed order; any other key follows, as written. */
const KNOWN_KEYS = ['source', 'principal', 'action', 'resources', 'reportedPolicyType', 'reportedPolicyArn', 'context'] as const

export interface IntakeView {
  /** "Read from the AccessDenied message". */
  readonly title: string
  readonly rows: readonly (readonly [label: string, value: string])[]
}

export function intakeView(intake: Readonly<Record<string, unknown>>): IntakeView {
  const source = typeof intake['source'] === 'string' ? intake['source'] : null
  const titles = say()['report.intakeTitle']
  const title = (source ? titles[source] : undefined) ?? titles.other!
  const labels = say()['report.intakeLabel']
  const label = (key: string): string => labels[key] ?? key
  const rows: [string, string][] = []
  const text = (key: string): string | null => {
    const value = intake[key]
    return value === undefined || value === null ? null : show(value)
  }
  const push = (label: string, value: string | null): void => {
    if (value !== null && value !== '') rows.push([label, value])
  }
  push(label('principal'), text('principal'))
  push(label('action'), text('action'))
  const resources = intake['resources']
  push(label(Array.isArray(resources) && resources.length > 1 ? 'resources' : 'resource'), text('resources'))
  push(label('reported'), reported(intake))
  const context = intake['context']
  if (context && typeof context === 'object' && !Array.isArray(context)) {
    const pairs = Object.entries(context as Record<string, unknown>).map(([k, v]) => `${k}=${show(v)}`)
    push(label('context'), pairs.join(', '))
  }
  for (const [key, value] of Object.entries(intake)) {
    if ((KNOWN_KEYS as readonly string[]).includes(key) || value === undefined || value === null) continue
    // Notes and the comparison are sentences intake and explain write in English (the JSON keeps them).
    if (key === 'notes' && Array.isArray(value)) for (const note of value) push(label(key), say()['report.note'](show(note)))
    else push(label(key), key === 'comparison' ? say()['report.note'](show(value)) : show(value))
  }
  return { title, rows }
}

/** "SCP arn:…", or a note that the message does not name the policy type. */
function reported(intake: Readonly<Record<string, unknown>>): string | null {
  if (!('reportedPolicyType' in intake) && !('reportedPolicyArn' in intake)) return null
  const type = intake['reportedPolicyType']
  const arn = typeof intake['reportedPolicyArn'] === 'string' ? intake['reportedPolicyArn'] : null
  const known = typeof type === 'string' && (POLICY_TYPES as readonly string[]).includes(type)
  const words = known ? POLICY_TYPE_WORDS[type as PolicyType] : typeof type === 'string' ? type : say()['report.noTypeGiven']
  return arn ? `${words} ${arn}` : words
}

function show(value: unknown): string {
  if (typeof value === 'string') return value
  if (Array.isArray(value)) return value.map(show).join(', ')
  if (value !== null && typeof value === 'object') return JSON.stringify(value)
  return String(value)
}
