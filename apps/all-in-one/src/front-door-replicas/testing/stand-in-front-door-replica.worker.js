// A stand-in for a front-door replica (start-front-door-replicas.spec.ts): no Nest app, only the
// protocol. It says ready at once (or, as replica FAILS_AS_INDEX, that it failed), writes a line
// to STARTS_FILE each time one starts, and its first incarnation, when the DIES_ONCE_MARKER file
// does not exist yet, creates it and then dies, so the spec sees a replica die and start again.
const { appendFileSync, existsSync, writeFileSync } = require('node:fs');
const { parentPort, workerData } = require('node:worker_threads');

const { DIES_ONCE_MARKER: marker, STARTS_FILE: starts, FAILS_AS_INDEX: failing } = workerData.env;
if (starts) appendFileSync(starts, `${workerData.index}\n`);
if (String(workerData.index) === failing) parentPort.postMessage({ kind: 'failed', error: 'a stand-in that fails' });
else parentPort.postMessage({ kind: 'ready', activity: new SharedArrayBuffer(16) });
parentPort.on('message', (message) => {
  if (message.kind === 'metrics') parentPort.postMessage({ kind: 'metrics', call: message.call, series: [{ name: 'cxm_ingest_mentions_total', help: 'h', type: 'counter', values: [{ labels: {}, value: workerData.index }], aggregator: 'sum' }] });
  if (message.kind === 'stop') parentPort.postMessage({ kind: 'stopped' });
});
if (marker && !existsSync(marker)) {
  writeFileSync(marker, String(workerData.index));
  setTimeout(() => process.exit(3), 50);
}
