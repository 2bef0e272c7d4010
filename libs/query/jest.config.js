const preset = require('../../jest.preset.js');

module.exports = { ...preset, displayName: 'query', rootDir: __dirname };
