// Runs the TypeScript sources directly: path aliases from tsconfig.base.json, then swc (with
// decorator metadata, which NestJS needs) to transpile on load. Used by `npm start` and the apps.
const path = require('node:path');
const tsconfigPaths = require('tsconfig-paths');
const { compilerOptions } = require('../tsconfig.base.json');

const root = path.join(__dirname, '..');
tsconfigPaths.register({ baseUrl: root, paths: compilerOptions.paths });
process.env.SWC_NODE_PROJECT ??= path.join(root, 'tsconfig.json');
require('@swc-node/register');
