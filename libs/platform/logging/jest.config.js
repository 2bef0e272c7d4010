const preset = require('../../../jest.preset.js');

module.exports = { ...preset, displayName: 'platform-logging', rootDir: __dirname };
