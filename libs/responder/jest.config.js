const preset = require('../../jest.preset.js');

module.exports = { ...preset, displayName: 'domain-responder', rootDir: __dirname };
