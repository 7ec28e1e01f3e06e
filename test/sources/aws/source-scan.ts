/** What the adapters can send, read from their import statements. */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

export const AWS_SOURCE_DIR = join(import.meta.dirname, '..', '..', '..', 'src', 'sources', 'aws')

const SERVICE_OF_PACKAGE: Readonly<Record<string, string>> = {
  '@aws-sdk/client-iam': 'iam',
  '@aws-sdk/client-sts': 'sts',
  '@aws-sdk/client-organizations': 'organizations',
  '@aws-sdk/client-s3': 's3',
  '@aws-sdk/client-ec2': 'ec2',
}

export interface SentOperation {
  readonly file: string
  readonly service: string
  readonly operation: string
}

/** Every `XxxCommand` and `paginateXxx` imported from an SDK client, as `service` + `Xxx`. */
export function operationsImported(): SentOperation[] {
  const out: SentOperation[] = []
  for (const file of readdirSync(AWS_SOURCE_DIR).filter((name) => name.endsWith('.ts'))) {
    const text = readFileSync(join(AWS_SOURCE_DIR, file), 'utf8')
    for (const match of text.matchAll(/import\s*(?:type\s*)?\{([^}]*)\}\s*from\s*'(@aws-sdk\/client-[a-z0-9-]+)'/g)) {
      const service = SERVICE_OF_PACKAGE[match[2]!]
      if (!service) throw new Error(`${file} imports ${match[2]}, which the scan does not know`)
      for (const raw of match[1]!.split(',')) {
        const name = raw.replace(/^\s*type\s+/, '').split(/\s+as\s+/)[0]!.trim()
        const command = /^(\w+)Command$/.exec(name)
        const paginator = /^paginate(\w+)$/.exec(name)
        const operation = command?.[1] ?? paginator?.[1]
        if (operation) out.push({ file, service, operation })
      }
    }
  }
  // The Access Troubleshooter has no SDK client: its signed GET names its operation itself.
  const toolbox = readFileSync(join(AWS_SOURCE_DIR, 'authorization-details-http.ts'), 'utf8')
  const operation = /operation: '(\w+)'/.exec(toolbox)?.[1]
  if (operation) out.push({ file: 'authorization-details-http.ts', service: 'iam', operation })
  return out
}
