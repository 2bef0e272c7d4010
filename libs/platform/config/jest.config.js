const preset = require('../../../jest.preset.js');

module.exports = { ...preset, displayName: 'platform-config', rootDir: __dirname };
