/**
 * IAM returns policy documents URL-encoded (RFC 3986): GetPolicyVersion, GetRolePolicy,
 * GetAccountAuthorizationDetails. `+` stays a plus there, so decodeURIComponent is right
 * and form decoding (`+` → space) would be wrong.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_PolicyVersion.html
 */
import { policyError } from './errors.js'

/** Text that starts with an encoded `{`, or holds encoded quotes and no raw `{`. */
export function looksUrlEncoded(text: string): boolean {
  const t = text.trimStart()
  return /^%7b/i.test(t) || (t.includes('%22') && !t.includes('{'))
}

/** The text to parse: decoded when it looks URL-encoded, as given otherwise (minus a byte-order mark). */
export function decodeIfUrlEncoded(input: string, name: string): { text: string; decoded: boolean } {
  const text = input.replace(/^\uFEFF/, '')
  if (!looksUrlEncoded(text)) return { text, decoded: false }
  try {
    return { text: decodeURIComponent(text.trim()), decoded: true }
  } catch {
    const bad = /%(?![0-9a-fA-F]{2})/.exec(text)
    const detail = bad
      ? `the "%" at character ${bad.index + 1} is not followed by two hexadecimal digits`
      : 'its %-escapes do not spell valid UTF-8'
    throw policyError(name, 'is not valid', null, null, `it looks URL-encoded, but it cannot be decoded: ${detail} — check that it was copied whole`)
  }
}
