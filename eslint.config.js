// Lint, and the layering rules of architecture.md: the pure core (model, policy, evaluate)
// never reaches for I/O, and only src/sources/aws talks to AWS.
import tseslint from 'typescript-eslint'

const io = ['node:*', '@aws-sdk/*', '@smithy/*', '@oclif/*']

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'bin/**', '.prof/**', 'bench/out/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/sources/aws/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@aws-sdk/*', '@smithy/*'], message: 'Only src/sources/aws imports the AWS SDK (architecture.md).' }] }],
    },
  },
  {
    files: ['src/model/**/*.ts', 'src/policy/**/*.ts', 'src/evaluate/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: io, message: 'The pure core must not do I/O (architecture.md).' }, { group: ['**/sources/**', '**/commands/**', '**/cli/**', '**/report/**', '**/intake/**', '**/catalogue/**'], message: 'Arrows point inward only (architecture.md).' }] }],
      'no-restricted-globals': ['error', 'process', 'console'],
      'no-restricted-properties': ['error', { object: 'Date', property: 'now', message: 'The clock is passed in.' }],
    },
  },
)
