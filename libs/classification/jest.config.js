const preset = require('../../jest.preset.js');

module.exports = { ...preset, displayName: 'domain-classification', rootDir: __dirname };
