import type { Intake } from '../intake/index.js'

/**
 * A message plus its decoded authorization message: the decoded document is what AWS itself
 * evaluated, so its principal, action, resource and context values win; the message keeps
 * what only it carries (the reported policy type and ARN, the authorization ID).
 */
export function mergeDecoded(message: Intake, decoded: Intake): Intake {
  return {
    ...message,
    principal: decoded.principal ?? message.principal,
    action: decoded.action ?? message.action,
    resources: decoded.resources.length ? decoded.resources : message.resources,
    context: { ...message.context, ...decoded.context },
    absentKeys: [...new Set([...message.absentKeys, ...decoded.absentKeys])].filter((k) => !(k in decoded.context)),
    reportedDenyKind: message.reportedDenyKind ?? decoded.reportedDenyKind,
    notes: [...message.notes, ...decoded.notes, 'Decoded the encoded authorization message: its context is what AWS evaluated.'],
    ...(decoded.matchedStatements ? { matchedStatements: decoded.matchedStatements } : {}),
  }
}
