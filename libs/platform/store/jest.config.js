const preset = require('../../../jest.preset.js');

module.exports = { ...preset, displayName: 'platform-store', rootDir: __dirname };
