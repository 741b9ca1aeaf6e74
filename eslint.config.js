import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

const scopes = ['intake', 'investigation', 'resolution', 'notification', 'reporting', 'gateway'];

function moduleBoundaries({ testing }) {
  const shared = testing ? ['type:lib', 'type:contracts', 'type:testing'] : ['type:lib', 'type:contracts'];
  return [
    'error',
    {
      // Tests may use the repository's scripts (e.g. the supergraph composition) and the testing library.
      allow: testing ? ['scripts/[a-z-]+\\.mjs$'] : [],
      enforceBuildableLibDependency: false,
      depConstraints: [
        { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: [] },
        { sourceTag: 'type:lib', onlyDependOnLibsWithTags: shared },
        { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:lib', 'type:contracts'] },
        { sourceTag: 'type:service', onlyDependOnLibsWithTags: shared },
        { sourceTag: 'type:app', onlyDependOnLibsWithTags: shared },
        ...scopes.map((scope) => ({ sourceTag: `scope:${scope}`, onlyDependOnLibsWithTags: [`scope:${scope}`, 'scope:shared'] })),
      ],
    },
  ];
}

export default [
  { ignores: ['**/dist/**', '**/node_modules/**', 'tmp/**', '.nx/**', 'coverage/**'] },
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tseslint.parser },
    plugins: { '@nx': nx, '@typescript-eslint': tseslint.plugin },
    rules: {
      // The architecture, checked on every import: contracts import nothing, services never import
      // each other (they talk over RabbitMQ), libraries never import a service or the gateway.
      '@nx/enforce-module-boundaries': moduleBoundaries({ testing: false }),
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/test/**/*.ts', '**/*.spec.ts'],
    rules: { '@nx/enforce-module-boundaries': moduleBoundaries({ testing: true }) },
  },
];
