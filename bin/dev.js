#!/usr/bin/env -S node --import tsx
// Runs the TypeScript sources directly, for development: bin/dev.js evaluate examples/...
import { rmSync } from 'node:fs'
import { execute } from '@oclif/core'

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true'

// oclif.manifest.json is a build artefact pointing at dist/: with it, oclif would load the
// last build instead of the sources. `npm run build` writes it again.
rmSync(new URL('../oclif.manifest.json', import.meta.url), { force: true })
await execute({ development: true, dir: import.meta.url })
