// A stand-in for the lifecycle thread's entry, so that start-lifecycle-thread.spec.ts can reach the
// paths the real thread takes only when something breaks. `env.STAND_IN` picks the behaviour;
// It reports `env.READY_URL` as its URL (where the spec answers /readyz).
// `env.HEARTBEAT_FILE`, when given, gets a beat at once and then every 10 ms while the thread lives.
const { appendFileSync } = require('node:fs');
const { parentPort, workerData } = require('node:worker_threads');

const { STAND_IN: behaviour, HEARTBEAT_FILE: heartbeat, READY_URL: url = 'http://127.0.0.1:9' } = workerData.env;
if (heartbeat) {
  appendFileSync(heartbeat, '.');
  setInterval(() => appendFileSync(heartbeat, '.'), 10);
}
const ready = () => parentPort.postMessage({ kind: 'ready', url, openApi: { openapi: '3.0.0', paths: {} } });

switch (behaviour) {
  case 'never-ready':
    setInterval(() => undefined, 1000);
    break;
  case 'fails':
    parentPort.postMessage({ kind: 'failed', error: 'listen EADDRINUSE: address already in use 127.0.0.1:4000' });
    setInterval(() => undefined, 1000);
    break;
  case 'exits-while-starting':
    process.exit(3);
    break;
  case 'ready-then-dies':
    ready();
    setTimeout(() => process.exit(9), 300);
    break;
  case 'ready-ignores-stop':
    ready();
    setInterval(() => undefined, 1000);
    break;
  case 'ready-stops':
    ready();
    parentPort.on('message', (message) => {
      if (message.kind !== 'stop') return;
      parentPort.postMessage({ kind: 'stopped' });
      process.exit(0);
    });
    break;
  default:
    throw new Error(`unknown STAND_IN behaviour ${behaviour}`);
}
