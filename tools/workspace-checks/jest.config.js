const preset = require('../../jest.preset.js');

module.exports = { ...preset, displayName: 'workspace-checks', rootDir: __dirname };
