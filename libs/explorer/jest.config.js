const preset = require('../../jest.preset.js');

module.exports = { ...preset, displayName: 'domain-explorer', rootDir: __dirname };
