const preset = require('../../../jest.preset.js');

module.exports = { ...preset, displayName: 'platform-index', rootDir: __dirname };
