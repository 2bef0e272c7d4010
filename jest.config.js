const { getJestProjectsAsync } = require('@nx/jest');

module.exports = async () => ({
  projects: await getJestProjectsAsync(),
  globalSetup: '<rootDir>/tools/test-infra/global-setup.js',
  globalTeardown: '<rootDir>/tools/test-infra/global-teardown.js',
});
