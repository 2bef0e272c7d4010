export interface OpenApiDocument {
  openapi: string;
  info: Record<string, unknown>;
  paths: Record<string, unknown>;
  components?: { schemas?: Record<string, unknown>; securitySchemes?: Record<string, unknown> };
  security?: unknown[];
  tags?: { name: string }[];
}

/** One OpenAPI document for the whole public API, from the documents each service serves. */
export function mergeOpenApi(documents: OpenApiDocument[]): OpenApiDocument {
  const merged: OpenApiDocument = {
    openapi: documents[0]?.openapi ?? '3.0.0',
    info: { title: 'CXM API', version: '1', description: 'The public API of every CXM service, behind one gateway.' },
    paths: {},
    components: { schemas: {}, securitySchemes: {} },
    security: documents[0]?.security,
    tags: [],
  };
  for (const document of documents) {
    for (const [path, operations] of Object.entries(document.paths)) {
      // Health and sandbox routes are each service's own business, not the public API.
      if (path.startsWith('/v1')) merged.paths[path] = { ...(merged.paths[path] as object), ...(operations as object) };
    }
    Object.assign(merged.components!.schemas!, document.components?.schemas);
    Object.assign(merged.components!.securitySchemes!, document.components?.securitySchemes);
    for (const tag of document.tags ?? []) if (!merged.tags!.some((t) => t.name === tag.name)) merged.tags!.push(tag);
  }
  return merged;
}

/**
 * A service's own document with the public routes of `more` added (the all-in-one's front door
 * describes the routes its lifecycle thread answers, ADR 0028); its own paths, health included, stay.
 */
export function withMoreOpenApi(own: OpenApiDocument, more: OpenApiDocument[]): OpenApiDocument {
  if (!more.length) return own;
  const added = mergeOpenApi(more);
  const tags = [...(own.tags ?? [])];
  for (const tag of added.tags ?? []) if (!tags.some((t) => t.name === tag.name)) tags.push(tag);
  return {
    ...own,
    paths: { ...own.paths, ...added.paths },
    components: {
      ...own.components,
      schemas: { ...own.components?.schemas, ...added.components?.schemas },
      securitySchemes: { ...own.components?.securitySchemes, ...added.components?.securitySchemes },
    },
    tags,
  };
}
