#!/usr/bin/env -S node --import tsx
// Runs the TypeScript sources directly, for development: bin/dev.js evaluate examples/...
import { rmSync } from 'node:fs'
import { handle, run, settings } from '@oclif/core'
import { Exit } from '@oclif/core/handle'

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true'
process.env.NODE_ENV = 'development'
settings.debug = true

// As in bin/run.js: the exit status is set, not forced, so that a pipe gets all of stdout.
Exit.exit = (code = 0) => {
  process.exitCode = code
}

// oclif.manifest.json is a build artefact pointing at dist/: with it, oclif would load the
// last build instead of the sources. `npm run build` writes it again.
rmSync(new URL('../oclif.manifest.json', import.meta.url), { force: true })
await run(process.argv.slice(2), { root: new URL('..', import.meta.url).pathname, development: true }).catch(handle)
