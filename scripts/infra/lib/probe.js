#!/usr/bin/env node
// Protocol-level health probes with no npm dependencies, so `infra.sh status`
// works before `npm install` and never touches the repo's node_modules.
//   node probe.js kafka HOST PORT          -> Kafka ApiVersions v0 answered with error_code 0
//   node probe.js mongo HOST PORT          -> MongoDB OP_MSG {ping: 1} answered with ok: 1
//   node probe.js es    HOST PORT          -> GET /_cluster/health is green or yellow
// Exit 0 when healthy; otherwise exit 1 with the reason on stderr.
'use strict';
const net = require('node:net');
const http = require('node:http');

const TIMEOUT_MS = Number(process.env.CXM_PROBE_TIMEOUT_MS || 3000);

function fail(msg) {
  process.stderr.write(`${msg}\n`);
  process.exit(1);
}

// Sends one length-prefixed request and resolves with the first complete reply.
// Kafka frames are [int32 size][payload]; MongoDB frames are [int32 size incl. itself][...].
function roundTrip(host, port, request, sizeIncludesPrefix) {
  return new Promise((resolve, reject) => {
    const sock = net.connect({ host, port });
    let buf = Buffer.alloc(0);
    sock.setTimeout(TIMEOUT_MS, () => sock.destroy(new Error('timeout')));
    sock.on('connect', () => sock.write(request));
    sock.on('error', reject);
    sock.on('data', (chunk) => {
      buf = Buffer.concat([buf, chunk]);
      if (buf.length < 4) return;
      const total = sizeIncludesPrefix ? buf.readInt32LE(0) : buf.readInt32BE(0) + 4;
      if (buf.length >= total) {
        sock.end();
        resolve(buf.subarray(0, total));
      }
    });
  });
}

async function kafka(host, port) {
  // ApiVersions (key 18) v0: header v1 = api_key, api_version, correlation_id, client_id.
  // Kafka 4.x still accepts v0 for this API (KIP-896 kept it for client bootstrap).
  const clientId = Buffer.from('cxm-infra-probe');
  const body = Buffer.alloc(2 + 2 + 4 + 2);
  body.writeInt16BE(18, 0);
  body.writeInt16BE(0, 2);
  body.writeInt32BE(42, 4);
  body.writeInt16BE(clientId.length, 8);
  const payload = Buffer.concat([body, clientId]);
  const size = Buffer.alloc(4);
  size.writeInt32BE(payload.length, 0);
  const reply = await roundTrip(host, port, Buffer.concat([size, payload]), false);
  const correlationId = reply.readInt32BE(4);
  const errorCode = reply.readInt16BE(8);
  if (correlationId !== 42) fail(`kafka: unexpected correlation id ${correlationId}`);
  if (errorCode !== 0) fail(`kafka: ApiVersions error_code ${errorCode}`);
}

// Minimal BSON: a flat document of int32/string values, enough for {ping: 1, $db: "admin"}.
function bsonDoc(fields) {
  const parts = [];
  for (const [key, value] of Object.entries(fields)) {
    const name = Buffer.from(`${key}\0`);
    if (typeof value === 'number') {
      const v = Buffer.alloc(4);
      v.writeInt32LE(value, 0);
      parts.push(Buffer.from([0x10]), name, v);
    } else {
      const s = Buffer.from(`${value}\0`);
      const len = Buffer.alloc(4);
      len.writeInt32LE(s.length, 0);
      parts.push(Buffer.from([0x02]), name, len, s);
    }
  }
  const inner = Buffer.concat([...parts, Buffer.from([0])]);
  const size = Buffer.alloc(4);
  size.writeInt32LE(inner.length + 4, 0);
  return Buffer.concat([size, inner]);
}

// Reads the top-level "ok" field of a BSON document, skipping other fields by type.
function bsonOk(doc) {
  const fixed = { 0x01: 8, 0x07: 12, 0x08: 1, 0x09: 8, 0x0a: 0, 0x10: 4, 0x11: 8, 0x12: 8, 0x13: 16 };
  let i = 4;
  while (i < doc.length - 1) {
    const type = doc[i];
    const end = doc.indexOf(0, i + 1);
    const key = doc.toString('utf8', i + 1, end);
    i = end + 1;
    if (key === 'ok') {
      if (type === 0x01) return doc.readDoubleLE(i);
      if (type === 0x10) return doc.readInt32LE(i);
      return undefined;
    }
    if (type in fixed) i += fixed[type];
    else if (type === 0x02) i += 4 + doc.readInt32LE(i);
    else if (type === 0x03 || type === 0x04) i += doc.readInt32LE(i);
    else if (type === 0x05) i += 5 + doc.readInt32LE(i);
    else return undefined;
  }
  return undefined;
}

async function mongo(host, port) {
  // OP_MSG (2013): header, flagBits, one kind-0 section holding the command document.
  const doc = bsonDoc({ ping: 1, $db: 'admin' });
  const header = Buffer.alloc(16 + 4 + 1);
  header.writeInt32LE(header.length + doc.length, 0);
  header.writeInt32LE(7, 4);
  header.writeInt32LE(0, 8);
  header.writeInt32LE(2013, 12);
  header.writeUInt32LE(0, 16);
  header.writeUInt8(0, 20);
  const reply = await roundTrip(host, port, Buffer.concat([header, doc]), true);
  if (reply.readInt32LE(12) !== 2013) fail('mongo: reply is not OP_MSG');
  const ok = bsonOk(reply.subarray(21));
  if (ok !== 1) fail(`mongo: ping returned ok=${ok}`);
}

function es(host, port) {
  return new Promise((resolve, reject) => {
    // GET / is served by the rest-root module, which the integ-test distribution lacks.
    const req = http.get({ host, port, path: '/_cluster/health', timeout: TIMEOUT_MS }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => {
        if (res.statusCode !== 200) return reject(new Error(`HTTP ${res.statusCode}`));
        const status = JSON.parse(body).status;
        if (status === 'green' || status === 'yellow') resolve();
        else reject(new Error(`cluster status ${status}`));
      });
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
  });
}

const [kind, host = '127.0.0.1', port] = process.argv.slice(2);
const probes = { kafka, mongo, es };
if (!probes[kind] || !port) fail('usage: probe.js kafka|mongo|es HOST PORT');
probes[kind](host, Number(port)).then(
  () => process.exit(0),
  (err) => fail(`${kind}: ${err.message}`),
);
