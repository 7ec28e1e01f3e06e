import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20000,
    // The AWS SDK's notice that its future releases will need a newer Node.js is for whoever
    // upgrades the SDK, not a test result; this is the SDK's own switch for it (bin/run.js sets it too).
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  },
})
