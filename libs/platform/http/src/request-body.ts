import { HttpStatus } from '@nestjs/common';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { IncomingMessage } from 'node:http';
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

/** The largest of the limits above: what Fastify itself is told, so that the limit of each route is the one that speaks. */
export const LARGEST_BODY_BYTES = Math.max(MAX_BODY_BYTES, MAX_RAW_BODY_BYTES, ...Object.values(LARGE_BODY_ROUTES));

/**
 * One body parser for every content type, in place of Fastify's own: a webhook's body stays its
 * exact bytes, a JSON body is parsed under its route's limit, and any other body is left unread
 * (`request.body` undefined), so the route's validation names the missing fields. The limit is
 * checked against `Content-Length` before a byte is read, and while reading a chunked body.
 */
export function readRequestBodies(fastify: FastifyInstance): void {
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('*', (request: FastifyRequest, payload: IncomingMessage) => readBody(request, payload));
}

async function readBody(request: FastifyRequest, payload: IncomingMessage): Promise<unknown> {
  const path = request.url.split('?', 1)[0];
  if (path.startsWith(RAW_BODY_ROUTE_PREFIX)) return bytesOf(request, payload, MAX_RAW_BODY_BYTES);
  if (!isJson(request.headers['content-type'])) return undefined;
  const bytes = await bytesOf(request, payload, LARGE_BODY_ROUTES[path] ?? MAX_BODY_BYTES);
  return parseJson(bytes.toString('utf8'));
}

function isJson(contentType: string | undefined): boolean {
  return contentType?.split(';', 1)[0].trim().toLowerCase() === 'application/json';
}

async function bytesOf(request: FastifyRequest, payload: IncomingMessage, limit: number): Promise<Buffer> {
  try {
    return await getRawBody(payload, { length: request.headers['content-length'], limit });
  } catch (error) {
    const reason = error as { type?: string; message?: string; status?: number };
    if (reason.type === 'entity.too.large') {
      throw new ProblemException({ type: '/problems/payload-too-large', title: 'Payload too large', status: HttpStatus.PAYLOAD_TOO_LARGE, detail: `request bodies on this route are limited to ${limit} bytes` });
    }
    // A body cut short or whose length does not match its Content-Length: the client's fault, said plainly.
    if (reason.status !== undefined && reason.status < 500) {
      throw new ProblemException({ type: 'about:blank', title: 'Bad request', status: HttpStatus.BAD_REQUEST, detail: reason.message });
    }
    throw error;
  }
}

/** As a strict JSON body parser: an object or an array (an empty body is `{}`), and a syntax error says where. */
function parseJson(text: string): unknown {
  const start = text.search(/\S/);
  if (start === -1) return {};
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
