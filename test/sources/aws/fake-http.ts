/**
 * A fake HTTP layer under real SDK clients, for the paths aws-sdk-client-mock skips (it replaces
 * `send`, and with it every middleware: retries, AssumeRole through fromTemporaryCredentials).
 * No network: answers come from a script, in order.
 */
import { Readable } from 'node:stream'

/** IAM's throttling answer, as the query protocol sends it. */
export const THROTTLED = `<ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error><RequestId>req-t</RequestId></ErrorResponse>`

/** An HTTP handler answering from `script`, in order (then throttling), recording each request's body. */
export function scriptedHttp(script: { status: number; body: string }[]) {
  const bodies: string[] = []
  return {
    bodies,
    handler: {
      async handle(request: { body?: unknown }) {
        bodies.push(String(request.body))
        const next = script.shift() ?? { status: 500, body: THROTTLED }
        return {
          response: {
            statusCode: next.status,
            reason: '',
            headers: { 'content-type': 'text/xml', 'x-amzn-requestid': 'req' },
            body: Readable.from([Buffer.from(next.body)]),
          },
        }
      },
      updateHttpClientConfig() {},
      httpHandlerConfigs: () => ({}),
    },
  }
}

/** The query-protocol action a recorded body asked for. */
export function actionOf(body: string): string {
  return /Action=(\w+)/.exec(body)?.[1] ?? '?'
}

/** A standard-mode retry strategy (the SDK's RetryStrategyV2 shape) with no delay between attempts. */
export function fastRetries(maxAttempts: number) {
  return {
    mode: 'standard',
    async acquireInitialRetryToken() {
      return { getRetryCount: () => 0, getRetryDelay: () => 0, attempt: 1 }
    },
    async refreshRetryTokenForRetry(token: { attempt: number }, errorInfo: { errorType: string }) {
      if (token.attempt >= maxAttempts || !['THROTTLING', 'TRANSIENT', 'SERVER_ERROR'].includes(errorInfo.errorType)) throw new Error('no more retries')
      const attempt = token.attempt + 1
      return { getRetryCount: () => attempt - 1, getRetryDelay: () => 0, attempt }
    },
    recordSuccess() {},
  }
}
