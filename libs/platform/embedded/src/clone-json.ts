/**
 * Copies a document the way a database round-trip does: through JSON, so `undefined` fields
 * vanish exactly as they do in MongoDB and Elasticsearch, and the embedded adapters behave like
 * the real ones. (Also keeps copies in the caller's realm, which `structuredClone` does not under
 * jest's per-file VM contexts.)
 */
export function cloneJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
