import { HttpStatus } from '@nestjs/common';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import * as contentType from 'content-type';
import type { IncomingMessage } from 'node:http';
import { pipeline, type Transform } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import getRawBody from 'raw-body';
import { ProblemException } from './problem-details';

/** Largest JSON body accepted, but on the routes below. */
export const MAX_BODY_BYTES = 256 * 1024;

/** Routes that carry many mentions per request get a larger JSON body limit: path → bytes. */
export const LARGE_BODY_ROUTES: Readonly<Record<string, number>> = { '/v1/mentions/batch': 16 * 1024 * 1024 };

/**
 * Routes under this prefix get the exact bytes received as `request.body` (a Buffer), whatever
 * the content type: platforms sign the raw bytes, and a re-serialised JSON body would not match.
 */
export const RAW_BODY_ROUTE_PREFIX = '/v1/webhooks';

/** Largest raw body read (a MIME e-mail with attachments); each channel then applies its own, usually smaller, limit. */
export const MAX_RAW_BODY_BYTES = 10 * 1024 * 1024;

/** A request URL's path: what comes before its query. */
export function pathWithoutQuery(url: string): string {
  return url.split('?', 1)[0];
}

/**
 * One body parser for every content type, in place of Fastify's own: a webhook's body stays its
 * exact bytes, a JSON body is parsed under its route's limit, and any other body is left unread
 * (`request.body` undefined), so the route's validation names the missing fields. As Express's
 * body-parser did: the limit is checked against `Content-Length` before a byte is read, and while
 * reading; a gzip, deflate or brotli body is unpacked, its limit applying to the unpacked bytes;
 * JSON must be UTF-8. Limits go by the route that matched (`routeOptions.url`), not by the raw URL,
 * which the router normalises (a trailing slash, percent-escapes).
 */
export function readRequestBodies(fastify: FastifyInstance): void {
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('*', (request: FastifyRequest, payload: IncomingMessage) => readBody(request, payload));
}

/** Whether `request` is a platform's webhook call: by the route it matched, else by its path. */
export function isWebhookRequest(request: FastifyRequest): boolean {
  return (request.routeOptions.url ?? request.url).startsWith(RAW_BODY_ROUTE_PREFIX);
}

async function readBody(request: FastifyRequest, payload: IncomingMessage): Promise<unknown> {
  if (isWebhookRequest(request)) return bytesOf(request, payload, MAX_RAW_BODY_BYTES);
  const type = contentTypeOf(request);
  if (type?.type !== 'application/json') return undefined;
  const charset = (type.parameters.charset ?? 'utf-8').toLowerCase();
  if (charset !== 'utf-8' && charset !== 'utf8') throw unsupportedMediaType(`JSON bodies must be UTF-8; the charset given is ${JSON.stringify(charset)}`);
  const route = request.routeOptions.url ?? pathWithoutQuery(request.url);
  return parseJson(await bytesOf(request, payload, LARGE_BODY_ROUTES[route] ?? MAX_BODY_BYTES));
}

/** The parsed `Content-Type` (lower-cased type), or undefined when absent; Fastify has refused a malformed one with 415 already. */
function contentTypeOf(request: FastifyRequest): contentType.ParsedMediaType | undefined {
  try {
    return request.headers['content-type'] ? contentType.parse(request.headers['content-type']) : undefined;
  } catch {
    return undefined;
  }
}

async function bytesOf(request: FastifyRequest, payload: IncomingMessage, limit: number): Promise<Buffer> {
  const encoding = (request.headers['content-encoding'] ?? 'identity').toLowerCase();
  const unpack = UNPACKERS[encoding];
  if (encoding !== 'identity' && !unpack) throw unsupportedMediaType(`the content encoding ${JSON.stringify(encoding)} is not supported (gzip, deflate, br or none)`);
  try {
    // A packed body's Content-Length is not the size the limit is about.
    if (!unpack) return await getRawBody(payload, { length: request.headers['content-length'], limit });
    // pipeline, not pipe: a request that breaks off also ends the unpacking, and so the read.
    return await getRawBody(pipeline(payload, unpack(), () => undefined), { limit });
  } catch (error) {
    const reason = error as { type?: string; message?: string; status?: number; code?: string };
    if (reason.type === 'entity.too.large') {
      throw new ProblemException({ type: '/problems/payload-too-large', title: 'Payload too large', status: HttpStatus.PAYLOAD_TOO_LARGE, detail: `request bodies on this route are limited to ${limit} bytes` });
    }
    // A body cut short, whose length does not match its Content-Length, or that does not unpack: the client's fault, said plainly.
    if ((reason.status !== undefined && reason.status < 500) || reason.code?.startsWith('Z_')) {
      throw new ProblemException({ type: 'about:blank', title: 'Bad request', status: HttpStatus.BAD_REQUEST, detail: reason.message });
    }
    throw error;
  }
}

const UNPACKERS: Readonly<Record<string, () => Transform>> = { gzip: createGunzip, 'x-gzip': createGunzip, deflate: createInflate, br: createBrotliDecompress };

/** The first character that is not JSON's own whitespace (RFC 8259), which a body may start with. */
const NOT_JSON_WHITESPACE = /[^\x20\x09\x0a\x0d]/;

/** As a strict JSON body parser: an object or an array (an empty body is `{}`; a UTF-8 BOM is skipped), and a syntax error says where. */
function parseJson(bytes: Buffer): unknown {
  if (bytes.length === 0) return {};
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  const start = text.search(NOT_JSON_WHITESPACE);
  if (start === -1) throw malformedJson('the body holds only whitespace; a JSON body must be an object or an array');
  if (text[start] !== '{' && text[start] !== '[') throw malformedJson(`a JSON body must be an object or an array; found ${JSON.stringify(text[start])} at position ${start}`);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw malformedJson((error as Error).message);
  }
}

function malformedJson(detail: string): ProblemException {
  return new ProblemException({ type: '/problems/malformed-json', title: 'Malformed JSON', status: HttpStatus.BAD_REQUEST, detail });
}

export function unsupportedMediaType(detail: string): ProblemException {
  return new ProblemException({ type: '/problems/unsupported-media-type', title: 'Unsupported media type', status: HttpStatus.UNSUPPORTED_MEDIA_TYPE, detail });
}
