import { describe, expect, it } from 'vitest'
import Principal from '../../src/commands/principal.js'
import { runCommand } from '../helpers/run-command.js'

describe('a verdict says where its policies came from', () => {
  const argv = ['arn:aws:iam::111111111111:role/TestReadOnly', '--action', 'ec2:RunInstances', '--snapshot', 'examples/demo-snapshot.json']

  it('in JSON: the snapshot file and when it was taken', async () => {
    const result = await runCommand(Principal, [...argv, '--json'])
    expect(JSON.parse(result.stdout).origin).toBe('snapshot examples/demo-snapshot.json taken 2026-11-01T10:00:00Z')
  })

  it('in text: in the request block, after the answer', async () => {
    const result = await runCommand(Principal, [...argv, '--no-color'])
    const request = result.stdout.slice(result.stdout.indexOf('The request:'))
    // Right under the resource, before the context list (which may run to many lines).
    expect(request.split('\n').slice(0, 4).join('\n')).toContain('source:   snapshot examples/demo-snapshot.json taken 2026-11-01T10:00:00Z')
    expect(request.indexOf('source:')).toBeLessThan(request.indexOf('context:'))
  })
})
