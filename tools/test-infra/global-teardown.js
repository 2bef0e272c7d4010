// Stops the containers the global setup started, if it used testcontainers. The native stack is
// left running on purpose (fast re-runs); `npm run infra:down` stops it, and .ci/run does in CI.
module.exports = async function globalTeardown() {
  for (const container of globalThis.__CXM_CONTAINERS__ ?? []) await container.stop();
};
