// Lint: typescript-eslint's recommended rules, and the architecture as rules — Nx module
// boundaries (which lib may import which) and the ports-and-adapters ban on infrastructure
// clients in domain code.
const nx = require('@nx/eslint-plugin');
const tseslint = require('typescript-eslint');

const INFRASTRUCTURE_CLIENTS = ['kafkajs', '@elastic/elasticsearch', 'mongoose', 'mongodb'];

module.exports = [
  { ignores: ['**/node_modules/**', '**/dist/**', '**/coverage/**', '**/.nx/**', 'tmp/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@nx/enforce-module-boundaries': [
        'error',
        {
          allow: [],
          enforceBuildableLibDependency: false,
          depConstraints: [
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['*'] },
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'type:shared-kernel', onlyDependOnLibsWithTags: ['type:shared-kernel'] },
            {
              sourceTag: 'type:platform',
              onlyDependOnLibsWithTags: ['type:platform', 'type:contracts', 'type:shared-kernel', 'type:testing'],
            },
            {
              sourceTag: 'type:platform-runtime',
              onlyDependOnLibsWithTags: ['type:platform', 'type:contracts', 'type:shared-kernel'],
            },
            {
              sourceTag: 'type:domain',
              onlyDependOnLibsWithTags: ['type:platform', 'type:contracts', 'type:shared-kernel', 'type:testing'],
              bannedExternalImports: INFRASTRUCTURE_CLIENTS,
            },
            { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:contracts'] },
            { sourceTag: 'type:tooling', onlyDependOnLibsWithTags: ['type:contracts'] },
            // Bounded contexts never import each other: they talk through events only.
            { sourceTag: 'scope:ingest', onlyDependOnLibsWithTags: ['scope:ingest', 'scope:shared'] },
            { sourceTag: 'scope:classifier', onlyDependOnLibsWithTags: ['scope:classifier', 'scope:shared'] },
            { sourceTag: 'scope:profile', onlyDependOnLibsWithTags: ['scope:profile', 'scope:shared'] },
            { sourceTag: 'scope:routing', onlyDependOnLibsWithTags: ['scope:routing', 'scope:shared'] },
            { sourceTag: 'scope:responder', onlyDependOnLibsWithTags: ['scope:responder', 'scope:shared'] },
            { sourceTag: 'scope:explorer', onlyDependOnLibsWithTags: ['scope:explorer', 'scope:shared'] },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
];
