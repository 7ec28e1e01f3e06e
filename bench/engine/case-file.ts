/**
 * The case-file shape (cli-contract.md, schemas/case.schema.json) as plain JSON the
 * generators build: the same object goes to denydoctor's loadCase and, converted, to the peer.
 */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json }

export interface StatementDoc {
  Sid?: string
  Effect: 'Allow' | 'Deny'
  Action?: string | string[]
  NotAction?: string | string[]
  Resource?: string | string[]
  NotResource?: string | string[]
  Principal?: '*' | { AWS: string | string[] }
  Condition?: Record<string, Record<string, string | string[]>>
}

export interface PolicyDoc {
  Version: '2012-10-17'
  Statement: StatementDoc[]
}

export interface NamedPolicy {
  name: string
  arn?: string
  document: PolicyDoc
}

export type ContextValues = Record<string, string | string[]>

export interface CaseFile {
  request: { principal: string; action: string; resource: string; context: ContextValues }
  resourceAccount: string
  contextComplete: true
  policies: {
    identity: NamedPolicy[]
    boundary: NamedPolicy | null
    /** Root first, account last. */
    scps: NamedPolicy[][]
    rcps: NamedPolicy[][]
    resource: NamedPolicy | null
    vpce: null
    session: null
  }
}

/** One generated case, with the IDs of the organization levels its chains come from (the peer wants them). */
export interface CorpusCase {
  readonly id: string
  readonly case: CaseFile
  readonly scpLevelIds: readonly string[]
  readonly rcpLevelIds: readonly string[]
}

export function doc(...statements: StatementDoc[]): PolicyDoc {
  return { Version: '2012-10-17', Statement: statements }
}
