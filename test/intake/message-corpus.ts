import type { Intake } from '../../src/intake/types.js'
import { AWS_WORDING } from './message-corpus-aws.js'
import { CLIENT_WRAPPINGS } from './message-corpus-clients.js'

// Real-shaped AccessDenied messages. Every row asserts every field of the Intake.

export interface CorpusRow {
  readonly name: string
  readonly input: string
  readonly expected: Partial<Intake>
}

export const CORPUS: readonly CorpusRow[] = [...AWS_WORDING, ...CLIENT_WRAPPINGS]
