const preset = require('../../../jest.preset.js');

module.exports = { ...preset, displayName: 'platform-embedded', rootDir: __dirname };
