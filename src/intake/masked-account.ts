import type { Intake } from './types.js'

/**
 * Published messages hide the account ID (the seed article writes
 * `arn:aws:iam::XXXXXXXX:user/tester`). Such an ARN names nobody AWS knows, so the intake keeps
 * the mask and the caller fills it in from an account it can vouch for (the credentials',
 * a snapshot's only one, `--account`) before any lookup.
 */
const MASK = /^(?:[Xx]{4,12}|\*{4,12}|#{4,12}|0{4,11}|ACCOUNT[-_]?ID|account[-_]?id|ACCOUNT|account)$/

/** The mask in an ARN's account field (`XXXXXXXX`), or null when the field is a real ID or empty. */
export function accountMaskOf(arn: string | null): string | null {
  if (!arn || !/^arn:/i.test(arn)) return null
  const account = arn.split(':')[4] ?? ''
  return MASK.test(account) ? account : null
}

/** The note that says the account is masked; explain replaces it with how the account was filled in. */
export function maskedAccountNote(mask: string): string {
  return `The message masks the account ID as ${mask}; it has to be filled in before the caller can be looked up.`
}

function fill(arn: string, mask: string, account: string): string {
  const fields = arn.split(':')
  if (fields[4] === mask) fields[4] = account
  return fields.join(':')
}

/**
 * The intake with every ARN whose account field is `mask` given `account` instead, and `why`
 * (how the account was found) in place of the masked-account note.
 */
export function withAccountFilledIn(intake: Intake, mask: string, account: string, why: string): Intake {
  const arn = (value: string | null) => (value && /^arn:/i.test(value) ? fill(value, mask, account) : value)
  return {
    ...intake,
    principal: arn(intake.principal),
    resources: intake.resources.map((r) => arn(r)!),
    reportedPolicyArn: arn(intake.reportedPolicyArn),
    maskedAccount: null,
    notes: intake.notes.map((note) => (note === maskedAccountNote(mask) ? why : note)),
  }
}
