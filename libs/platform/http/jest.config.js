const preset = require('../../../jest.preset.js');

module.exports = { ...preset, displayName: 'platform-http', rootDir: __dirname };
