const preset = require('../../jest.preset.js');

module.exports = { ...preset, displayName: 'domain-profiles', rootDir: __dirname };
