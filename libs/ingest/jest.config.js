const preset = require('../../jest.preset.js');

module.exports = { ...preset, displayName: 'domain-ingest', rootDir: __dirname };
