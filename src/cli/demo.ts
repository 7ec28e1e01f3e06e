import { Flags } from '@oclif/core'
import { fileURLToPath } from 'node:url'

/**
 * The demo organisation shipped in the package (examples/ beside dist/): `--demo` diagnoses it
 * from any directory, with no AWS account and no path to type. Two folders up from both
 * src/cli and dist/cli is the package root.
 */
export const DEMO_SNAPSHOT = fileURLToPath(new URL('../../examples/demo-snapshot.json', import.meta.url))
/** How reports name the demo snapshot (its path is wherever the package was installed). */
export const DEMO_NAME = 'demo-snapshot.json (the demo organisation, --demo)'
/** The audit of the demo organisation that `audit --demo` runs when no audit file is given. */
export const DEMO_AUDIT = fileURLToPath(new URL('../../examples/audit.yaml', import.meta.url))

export const demoFlag = Flags.boolean({
  description: 'Diagnose the demo organisation shipped with denydoctor (no AWS account needed) instead of an account or a snapshot.',
  default: false,
  exclusive: ['snapshot'],
})

/** The flags with --demo turned into the snapshot it stands for. */
export function withDemo<F extends { readonly demo?: boolean | undefined; readonly snapshot?: string | undefined }>(flags: F): F {
  return flags.demo ? { ...flags, snapshot: DEMO_SNAPSHOT } : flags
}
