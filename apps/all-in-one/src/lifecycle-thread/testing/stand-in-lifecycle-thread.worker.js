// A stand-in for the lifecycle thread's entry, so that start-lifecycle-thread.spec.ts can reach the
// paths the real thread takes only when something breaks.
// - `env.STAND_IN` picks the behaviour.
// - It reports `env.READY_URL` as its URL (where the spec answers /readyz).
// - `env.HEARTBEAT_FILE` gets a beat at once and then every 10 ms while the thread lives.
// - `env.STOPPED_FILE` gets a line when the thread is told to stop and stops gracefully.
const { appendFileSync } = require('node:fs');
const { parentPort, workerData } = require('node:worker_threads');

const { STAND_IN: behaviour, HEARTBEAT_FILE: heartbeat, STOPPED_FILE: stoppedFile, READY_URL: url = 'http://127.0.0.1:9' } = workerData.env;
if (heartbeat) {
  appendFileSync(heartbeat, '.');
  setInterval(() => appendFileSync(heartbeat, '.'), 10);
}
const ready = () => parentPort.postMessage({ kind: 'ready', url, openApi: { openapi: '3.0.0', paths: {} } });
const onMessage = (kind, react) => parentPort.on('message', (message) => message.kind === kind && react());

switch (behaviour) {
  case 'never-ready':
    break;
  case 'fails':
    parentPort.postMessage({ kind: 'failed', error: 'listen EADDRINUSE: address already in use 127.0.0.1:4000' });
    break;
  case 'throws-while-starting':
    throw new Error('Cannot find module @cxm/routing');
  case 'exits-while-starting':
    process.exit(3);
    break;
  case 'ready-then-dies':
    // Dies when the spec says so (tellPublicUrl), not on a timer that a loaded machine could outrun.
    ready();
    onMessage('public-url', () => process.exit(9));
    break;
  case 'ready-ignores-stop':
    ready();
    break;
  case 'ready-stops':
    ready();
    onMessage('stop', () => {
      appendFileSync(stoppedFile, 'stopped gracefully\n');
      parentPort.postMessage({ kind: 'stopped' });
      process.exit(0);
    });
    break;
  default:
    throw new Error(`unknown STAND_IN behaviour ${behaviour}`);
}
