/**
 * Why a layer needs an Allow (layers.ts), why AWS refuses a change of its own resources
 * (aws-owned.ts), and the missing Allow's explanation built from them (index.ts,
 * message-evidence.ts): each written from a code and its arguments and read back the same way
 * (model/coded-text.ts), so a report in another language says it from the code while the
 * JSON keeps the English.
 */
import type { TextTemplate } from './coded-text.js'

/** A gate's need: the part after "No Allow for ACTION: ". */
export const NEED_TEXTS = {
  vpce: { en: () => 'the request went through a VPC endpoint, whose policy must allow it', read: /^the request went through a VPC endpoint, whose policy must allow it$/ },
  servicePrincipal: {
    en: (service: string) => `${service} is an AWS service principal, which has no identity-based policies: the resource policy must allow it`,
    read: /^(\S+) is an AWS service principal, which has no identity-based policies: the resource policy must allow it$/,
  },
  resourcePolicyRequired: {
    en: (action: string) => `${action} needs its resource policy (key policy or trust policy) to allow the caller`,
    read: /^(\S+) needs its resource policy \(key policy or trust policy\) to allow the caller$/,
  },
  crossAccount: {
    en: (resourceAccount: string, principalAccount: string) =>
      `the resource is in account ${resourceAccount}, not ${principalAccount}: across accounts the resource policy must allow too`,
    read: /^the resource is in account (\S+), not (\S+): across accounts the resource policy must allow too$/,
  },
  identity: { en: () => 'an identity-based policy of the principal must allow it', read: /^an identity-based policy of the principal must allow it$/ },
  boundary: { en: () => 'the permissions boundary must allow it as well', read: /^the permissions boundary must allow it as well$/ },
  session: { en: () => 'the session policy passed when the session was created must allow it', read: /^the session policy passed when the session was created must allow it$/ },
  federated: {
    en: () => 'a federated-user session (GetFederationToken) gets no permissions without a session policy',
    read: /^a federated-user session \(GetFederationToken\) gets no permissions without a session policy$/,
  },
  scpLevels: {
    en: () => 'every level of the organization, root to account, must have an SCP that allows it',
    read: /^every level of the organization, root to account, must have an SCP that allows it$/,
  },
  managedPolicy: {
    en: (resource: string, action: string) =>
      `\`${resource}\` is an AWS managed policy: only AWS creates, changes and deletes it, so IAM refuses ${action} on it whatever the caller's policies allow`,
    read: /^`(\S+)` is an AWS managed policy: only AWS creates, changes and deletes it, so IAM refuses (\S+) on it whatever the caller's policies allow$/,
  },
  identityCenterRole: {
    en: (resource: string, action: string) =>
      `\`${resource}\` is a role IAM Identity Center manages: IAM refuses ${action} on it (UnmodifiableEntity, "this role is only modifiable by AWS"); change its permission set in IAM Identity Center instead`,
    read: /^`(\S+)` is a role IAM Identity Center manages: IAM refuses (\S+) on it \(UnmodifiableEntity, "this role is only modifiable by AWS"\); change its permission set in IAM Identity Center instead$/,
  },
  serviceLinkedRole: {
    en: (resource: string, action: string) =>
      `\`${resource}\` is a service-linked role: only the service it is linked to may change or delete it, so IAM refuses ${action} (UnmodifiableEntity) whatever the caller's policies allow; ask that service for the change (iam:DeleteServiceLinkedRole to delete it)`,
    read: /^`(\S+)` is a service-linked role: only the service it is linked to may change or delete it, so IAM refuses (\S+) \(UnmodifiableEntity\) whatever the caller's policies allow; ask that service for the change \(iam:DeleteServiceLinkedRole to delete it\)$/,
  },
} satisfies Record<string, TextTemplate>

export type NeedCode = keyof typeof NEED_TEXTS

/** A missing Allow's explanation (`missingAllows[].explanation`). */
export const MISSING_TEXTS = {
  /** `which` is 'the one that may' (one Allow may have granted it) or 'none of those that may' (several). */
  messageSaysNone: {
    en: (action: string, typeWords: string, which: string) => `No Allow for ${action}: AWS's message says no ${typeWords} allowed it, so ${which} did not.`,
    read: /^No Allow for (\S+): AWS's message says no (.+?) allowed it, so (the one that may|none of those that may) did not\.$/,
  },
  /** `resource` is '' when the request names none. */
  noAllow: {
    en: (action: string, resource: string, need: string) => `No Allow for ${action}${resource ? ` on ${resource}` : ''}: ${need}.`,
    read: /^No Allow for (\S+)(?: on (\S+))?: (.*)\.$/s,
  },
  /** AWS's own refusal stands alone. */
  awsOwned: { en: (need: string) => `${need}.`, read: /^(`\S+` is .*)\.$/s },
} satisfies Record<string, TextTemplate>
