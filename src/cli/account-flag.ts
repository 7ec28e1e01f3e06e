import { ACCOUNT_ID } from '../model/index.js'
import { LocalizedUserError } from './localized-error.js'

/** `--account`: a 12-digit account ID or nothing; anything else is refused before any lookup. */
export function accountFlag(value: string | undefined): string | null {
  if (value === undefined) return null
  if (!ACCOUNT_ID.test(value)) throw new LocalizedUserError((m) => m['flag.notAccount']('--account', value), 2)
  return value
}
