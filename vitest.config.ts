import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20000,
    // Reports for people follow the locale (LANG=ja_JP.UTF-8 → Japanese); tests pin English
    // and ask for Japanese with --lang ja or their own environment.
    env: { LC_ALL: '', LC_MESSAGES: '', LANG: 'en_US.UTF-8' },
  },
})
