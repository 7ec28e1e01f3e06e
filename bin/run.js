#!/usr/bin/env node
import { execute } from '@oclif/core'

// denydoctor supports Node.js 20; the AWS SDK's notice about its own Node.js support plans
// is for SDK maintainers, and would stand in front of every error message on stderr.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true'

await execute({ dir: import.meta.url })
