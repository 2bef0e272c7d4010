const preset = require('../../jest.preset.js');

module.exports = { ...preset, displayName: 'import-cli', rootDir: __dirname };
