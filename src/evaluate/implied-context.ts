import { withDefaults, type PrincipalInfo, type RequestContext } from '../model/index.js'

/**
 * Context keys the request implies, filled in so nobody has to type them. Values the user
 * gave win. https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html
 * and the principal key table of
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html#policy-vars-infotouse
 */
const PRINCIPAL_TYPE: Record<PrincipalInfo['kind'], string | null> = {
  user: 'User',
  role: 'AssumedRole',
  'assumed-role': 'AssumedRole',
  'federated-user': 'FederatedUser',
  root: 'Account',
  service: null,
  anonymous: 'Anonymous',
}

function userId(p: PrincipalInfo): string | null {
  switch (p.kind) {
    case 'root':
      return p.account
    case 'user':
      return p.uniqueId
    case 'assumed-role':
      return p.uniqueId && p.sessionName ? `${p.uniqueId}:${p.sessionName}` : null
    case 'federated-user':
      return p.name ? `${p.account}:${p.name}` : null
    default:
      return null
  }
}

export function impliedContext(principal: PrincipalInfo, resourceAccount: string | null, context: RequestContext): RequestContext {
  const implied: [string, string[]][] = []
  const add = (key: string, value: string | null) => {
    if (value !== null && value !== '') implied.push([key, [value]])
  }
  if (principal.kind === 'service') {
    add('aws:PrincipalIsAWSService', 'true')
    add('aws:PrincipalServiceName', principal.service)
  } else if (principal.kind !== 'anonymous') {
    add('aws:PrincipalArn', principal.principalArn)
    add('aws:PrincipalAccount', principal.account)
    add('aws:PrincipalIsAWSService', 'false')
    add('aws:userid', userId(principal))
    if (principal.kind === 'user') add('aws:username', principal.name)
  }
  add('aws:PrincipalType', PRINCIPAL_TYPE[principal.kind])
  add('aws:ResourceAccount', resourceAccount)
  for (const [key, value] of Object.entries(principal.tags ?? {})) add(`aws:PrincipalTag/${key}`, value)
  let filled = withDefaults(context, implied)
  // aws:username exists only for IAM users: for anyone else it is certainly absent.
  if (principal.kind !== 'user' && !filled.known.has('aws:username')) {
    filled = { ...filled, absent: new Set([...filled.absent, 'aws:username']) }
  }
  // Once a source has read all of the principal's tags, any other tag key is certainly absent.
  if (principal.tags === null) return filled
  return { ...filled, absentPrefixes: [...(filled.absentPrefixes ?? []), 'aws:principaltag/'] }
}
