/**
 * The warnings about the request itself (evaluate-case.ts requestWarnings, diagnose.ts), each
 * written from a code and its arguments and read back the same way (model/coded-text.ts): the
 * verdict's `warnings` keep the English, a report in another language says it from the code.
 */
import type { TextTemplate } from './coded-text.js'

export const REQUEST_WARNING_TEXTS = {
  /** `guesses` is '' or the catalogue's guesses joined by ', '. */
  unknownAction: {
    en: (action: string, guesses: string) =>
      `The IAM action catalogue does not know ${action}: a misspelt action never matches an Allow, so it reads as an implicit deny.${guesses ? ` Did you mean ${guesses}?` : ''} (The catalogue can lag behind a brand-new API.)`,
    read: /^The IAM action catalogue does not know (\S+): a misspelt action never matches an Allow, so it reads as an implicit deny\.(?: Did you mean (.+)\?)? \(The catalogue can lag behind a brand-new API\.\)$/,
  },
  keyNotSupported: {
    en: (key: string, action: string) => `Context key ${key} is not one that ${action} supports, so AWS would never send it with this request.`,
    read: /^Context key (\S+) is not one that (\S+) supports, so AWS would never send it with this request\.$/,
  },
  regionSetAside: {
    en: (region: string, bucketRegion: string) =>
      `--region ${region} was set aside: the bucket is in ${bucketRegion}, and AWS evaluates aws:RequestedRegion as the bucket's region, since the AWS CLI and SDKs follow a bucket to its own region.`,
    read: /^--region (\S+) was set aside: the bucket is in (\S+), and AWS evaluates aws:RequestedRegion as the bucket's region, since the AWS CLI and SDKs follow a bucket to its own region\.$/,
  },
} satisfies Record<string, TextTemplate>
