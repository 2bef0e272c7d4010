const preset = require('../../../jest.preset.js');

module.exports = { ...preset, displayName: 'platform-bus', rootDir: __dirname };
