const preset = require('../../jest.preset.js');

module.exports = { ...preset, displayName: 'domain-routing', rootDir: __dirname };
