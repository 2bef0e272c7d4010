import { createHash } from 'node:crypto';
import { isPrefixedToken, MAX_WILDCARD_TOKEN_BYTES, tokenizeText } from '@cxm/query';

/**
 * Elasticsearch must split text exactly where the embedded index does, or the two would answer
 * the same query differently. Rather than rely on analyzers (the integ-test distribution has
 * only `standard`; ICU segmentation differs between Lucene and V8), we tokenise in Node with the
 * query lib and index each token hex-encoded: `x` + hex is one alphanumeric word, which the
 * standard analyzer keeps whole, one position per token.
 */
export function encodeToken(token: string): string {
  const hex = Buffer.from(token, 'utf8').toString('hex');
  // The standard tokenizer splits words over 255 characters; long tokens are hashed instead
  // (so wildcards cannot see into them: the matcher applies the same byte limit).
  return hex.length <= 2 * MAX_WILDCARD_TOKEN_BYTES ? `x${hex}` : `h${createHash('sha1').update(token).digest('hex')}`;
}

/**
 * The indexed form every token starting with `prefix` starts with: UTF-8 keeps prefixes
 * byte-wise and hex keeps them digit-wise, and the prefix is encoded from whole characters, so
 * whole bytes. `undefined` when no unhashed token can start with it (too long).
 */
export function encodePrefix(prefix: string): string | undefined {
  const hex = Buffer.from(prefix, 'utf8').toString('hex');
  return hex.length <= 2 * MAX_WILDCARD_TOKEN_BYTES ? `x${hex}` : undefined;
}

/** `#battery` → `battery`: what a bare query word is matched against. */
export function bareToken(token: string): string {
  return isPrefixedToken(token) ? token.slice(1) : token;
}

/** The two position-aligned token fields of a document. */
export function searchTokenFields(text: string): { tok_exact: string; tok_bare: string } {
  const tokens = tokenizeText(text);
  return {
    tok_exact: tokens.map(encodeToken).join(' '),
    tok_bare: tokens.map((t) => encodeToken(bareToken(t))).join(' '),
  };
}
