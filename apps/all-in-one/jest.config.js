const preset = require('../../jest.preset.js');

module.exports = { ...preset, displayName: 'all-in-one', rootDir: __dirname, testMatch: ['<rootDir>/**/*.spec.ts', '<rootDir>/e2e/**/*.e2e.spec.ts'] };
