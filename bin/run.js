#!/usr/bin/env node
import { handle, run, settings } from '@oclif/core'
import { Exit } from '@oclif/core/handle'

// denydoctor supports Node.js 20; the AWS SDK's notice about its own Node.js support plans
// is for SDK maintainers, and would stand in front of every error message on stderr.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true'

// This is the built CLI: it runs dist/, never the TypeScript sources, whatever NODE_ENV says
// (oclif would look for src/ under NODE_ENV=development or test).
settings.enableAutoTranspile = false

// A command ends with `this.exit(status)` (3 for an explicit deny, 6 for a failed audit…), and
// oclif's handler answers it with process.exit(), which drops whatever stdout still holds for a
// pipe: `denydoctor evaluate big.jsonl --json | jq` got the first 64 KiB. Setting the status
// instead lets Node write everything out and then exit with it, whatever the status.
Exit.exit = (code = 0) => {
  process.exitCode = code
}

// `denydoctor help CMD --lang ja`: oclif's help command has no --lang flag; the help reads the
// language from process.argv itself (src/cli/lang-argv.ts).
const { argvForOclif } = await import('../dist/cli/lang-argv.js')
await run(argvForOclif(process.argv.slice(2)), import.meta.url).catch(handle)
