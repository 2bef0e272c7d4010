// Shared jest settings for every project: TypeScript through swc (with decorator metadata,
// which NestJS needs) and the tsconfig path aliases mapped to source.
const path = require('node:path');
const { compilerOptions } = require('./tsconfig.base.json');

const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [
    `^${alias.replace(/[/\\^$*+?.()|[\]{}-]/g, '\\$&')}$`,
    path.join(__dirname, target),
  ]),
);

/**
 * Dependencies published as ES modules only, which a CommonJS require loads on Node.js 20 but
 * jest's module loader does not: transformed to CommonJS like our own sources. content-disposition
 * 3 comes with @fastify/static, which serves the Swagger UI's assets (ADR 0033).
 */
const ESM_ONLY = ['@fastify/static/node_modules/content-disposition'];
const esmOnlyPattern = `/node_modules/(${ESM_ONLY.map((name) => name.replace(/[/.]/g, '\\$&')).join('|')})/.+\\.js$`;

module.exports = {
  testEnvironment: 'node',
  transformIgnorePatterns: [`^(?!.*${esmOnlyPattern}).*/node_modules/`],
  transform: {
    [esmOnlyPattern]: ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }],
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
          keepClassNames: true,
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper,
  testMatch: ['<rootDir>/**/*.spec.ts'],
  setupFiles: [path.join(__dirname, 'jest.setup.js')],
};
