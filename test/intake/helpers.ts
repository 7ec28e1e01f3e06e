import { expect } from 'vitest'
import { emptyIntake, type Intake } from '../../src/intake/types.js'

/** A complete Intake with every field at its "not stated" value, overridden by `fields`. */
export function intake(fields: Partial<Intake>): Intake {
  return { ...emptyIntake(fields.source ?? 'message'), ...fields }
}

/** Matchers for the notes the parser adds; each test asserts the exact list. */
export const NOTE = {
  scp: expect.stringContaining('explicit vs implicit is unreliable for SCPs'),
  trust: expect.stringContaining("treats it as the role's resource-based policy"),
  noReason: expect.stringContaining('The message gives no reason'),
  bareExplicit: expect.stringContaining("says 'with an explicit deny' but not in which type of policy"),
  chained: expect.stringContaining('VPC endpoint policy reached "transitively through a service control policy"'),
  encodedCut: expect.stringContaining('looks cut off'),
  encodedOnly: expect.stringContaining('they are inside the encoded authorization message'),
  s3ResourceIsBpa: expect.stringContaining('check the Block Public Access settings'),
  kmsThisResource: expect.stringContaining("KMS words it so when the key is in another account"),
  authorizationId: (id: string) => expect.stringContaining(`authorization id ${id}`),
  bpa: (reason: string) => expect.stringContaining(`Block Public Access reason: ${reason}.`),
  serviceReason: (reason: string) => expect.stringContaining(reason),
  unknownType: (words: string) => expect.stringContaining(`policy type denydoctor does not know: '${words}'`),
} as const
