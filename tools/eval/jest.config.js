const preset = require('../../jest.preset.js');

module.exports = { ...preset, displayName: 'eval-tools', rootDir: __dirname };
