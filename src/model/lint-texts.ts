/**
 * The lint warnings' sentences (lint.ts), each written from a code and its arguments and read
 * back the same way (model/coded-text.ts): the verdict's `warnings` keep the English, and a
 * report in another language says the same warning from its code.
 */
import type { TextTemplate } from './coded-text.js'

/** A warning about the whole policy, or one of its statements: `Policy "NAME", statement 2: BODY` (`statement "SID"` when it has a Sid, policy/site.ts). */
export const LINT_TEXTS = {
  lone: {
    en: (name: string) => `Policy "${name}" is a lone statement without a "Statement" wrapper; it is read as a policy of one statement, with no Version.`,
    read: /^Policy "(.*)" is a lone statement without a "Statement" wrapper; it is read as a policy of one statement, with no Version\.$/s,
  },
  noVersion: {
    en: (name: string) =>
      `Policy "${name}" has no "Version", so AWS reads it with the 2008-10-17 policy language, where \${…} policy variables are literal text; add "Version": "2012-10-17".`,
    read: /^Policy "(.*)" has no "Version", so AWS reads it with the 2008-10-17 policy language, where \$\{…\} policy variables are literal text; add "Version": "2012-10-17"\.$/s,
  },
  statement: {
    en: (name: string, label: string, body: string) => `Policy "${name}", ${label}: ${body}`,
    read: /^Policy "(.*?)", (statement (?:\d+|".*?")): (.*)$/s,
  },
} satisfies Record<string, TextTemplate>

/** What a warning says about one statement (the BODY above). */
export const LINT_STATEMENT_TEXTS = {
  variableNoVersion: {
    en: (variable: string) => `${variable} is literal text here, because policy variables work only with "Version": "2012-10-17" and this policy has no Version.`,
    read: /^(\$\{[^}]*\}) is literal text here, because policy variables work only with "Version": "2012-10-17" and this policy has no Version\.$/,
  },
  variable2008: {
    en: (variable: string) =>
      `${variable} is literal text here, because policy variables work only with "Version": "2012-10-17" and this policy has "Version": "2008-10-17".`,
    read: /^(\$\{[^}]*\}) is literal text here, because policy variables work only with "Version": "2012-10-17" and this policy has "Version": "2008-10-17"\.$/,
  },
  wildcardPrefix: {
    en: (element: string, action: string) => `"${element}": "${action}" has a wildcard in the service prefix — name the service exactly (e.g. "ec2:…"), or write "*" for every action.`,
    read: /^"(Action|NotAction)": "(.*)" has a wildcard in the service prefix — name the service exactly \(e\.g\. "ec2:…"\), or write "\*" for every action\.$/s,
  },
  /** `guess` is '' when there is none. */
  spacesAction: {
    en: (action: string, guess: string) =>
      `"Action": "${action}" holds spaces, which no action name has — it matches no action, so this entry allows or denies nothing${guess ? `; did you mean "${guess}"?` : '.'}`,
    read: /^"Action": "(.*)" holds spaces, which no action name has — it matches no action, so this entry allows or denies nothing(?:; did you mean "(.*)"\?|\.)$/s,
  },
  spacesNotAction: {
    en: (action: string, guess: string) =>
      `"NotAction": "${action}" holds spaces, which no action name has — it matches no action, so as NotAction it excludes nothing${guess ? `; did you mean "${guess}"?` : '.'}`,
    read: /^"NotAction": "(.*)" holds spaces, which no action name has — it matches no action, so as NotAction it excludes nothing(?:; did you mean "(.*)"\?|\.)$/s,
  },
  allowNotAction: {
    en: () => 'Allow with NotAction allows every action that is not listed, in every service, on the resources named — it grants broadly; list the actions in "Action" instead.',
    read: /^Allow with NotAction allows every action that is not listed, in every service, on the resources named — it grants broadly; list the actions in "Action" instead\.$/,
  },
  allowNotResource: {
    en: () => 'Allow with NotResource allows the actions on every resource except the ones listed — it grants broadly; list the resources in "Resource" instead.',
    read: /^Allow with NotResource allows the actions on every resource except the ones listed — it grants broadly; list the resources in "Resource" instead\.$/,
  },
  denyNotResource: {
    en: () => 'Deny with NotResource denies the actions on every resource except the ones listed — check that the list covers every resource that must stay reachable.',
    read: /^Deny with NotResource denies the actions on every resource except the ones listed — check that the list covers every resource that must stay reachable\.$/,
  },
  notPrincipalAllow: {
    en: (doc: string) =>
      `NotPrincipal with Allow grants access to everyone except the principals listed, anonymous users included, and AWS does not support it — use "Principal" with a condition on aws:PrincipalArn (${doc}).`,
    read: /^NotPrincipal with Allow grants access to everyone except the principals listed, anonymous users included, and AWS does not support it — use "Principal" with a condition on aws:PrincipalArn \((\S+)\)\.$/,
  },
  notPrincipalDeny: {
    en: (doc: string) =>
      `NotPrincipal with Deny lists no account (arn:aws:iam::ACCOUNT:root or a 12-digit account ID) — AWS may evaluate the caller's account separately and deny it, and with it everyone listed; add the account ARN of each principal listed, or use "Principal": "*" with ArnNotEquals on aws:PrincipalArn (${doc}).`,
    read: /^NotPrincipal with Deny lists no account \(arn:aws:iam::ACCOUNT:root or a 12-digit account ID\) — AWS may evaluate the caller's account separately and deny it, and with it everyone listed; add the account ARN of each principal listed, or use "Principal": "\*" with ArnNotEquals on aws:PrincipalArn \((\S+)\)\.$/,
  },
  forAllValuesAllow: {
    en: (operator: string, key: string) =>
      `${operator} on "${key}" in an Allow is also true when the request has no "${key}" at all, so it can allow more than intended — add "Null": {"${key}": "false"}.`,
    read: /^(\S+) on "(.*?)" in an Allow is also true when the request has no ".*?" at all, so it can allow more than intended — add "Null": \{".*?": "false"\}\.$/s,
  },
  setOnSingleValued: {
    en: (operator: string, key: string, single: string) =>
      `${operator} on "${key}", which has a single value per request — set operators are meant for multi-valued keys and can be over-permissive here; use "${single}".`,
    read: /^(\S+) on "(.*?)", which has a single value per request — set operators are meant for multi-valued keys and can be over-permissive here; use "(.*)"\.$/s,
  },
} satisfies Record<string, TextTemplate>

export type LintCode = keyof typeof LINT_TEXTS
export type LintStatementCode = keyof typeof LINT_STATEMENT_TEXTS
