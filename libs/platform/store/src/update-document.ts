import { DocumentCollection, StoredDocument, VersionConflictError, Versioned } from './document-store.port';

/**
 * Read-modify-write with optimistic concurrency: re-reads and re-applies `change` when another
 * writer got there first. `change` receives the current document (or undefined) and returns the
 * new one, or `undefined` to leave it as it is (an idempotent handler's "already done").
 */
export async function upsertDocument<T extends StoredDocument>(
  collection: DocumentCollection<T>,
  tenantId: string,
  id: string,
  change: (current: T | undefined) => T | undefined,
  maxTries = 10,
): Promise<Versioned<T> | undefined> {
  for (let attempt = 1; ; attempt++) {
    const current = await collection.get(tenantId, id);
    const next = change(current?.doc);
    if (!next) return current;
    try {
      return current ? await collection.replace(next, current.version) : await collection.insert(next);
    } catch (error) {
      const conflict = error instanceof VersionConflictError || (error as Error).name === 'DuplicateDocumentError';
      if (!conflict || attempt >= maxTries) throw error;
    }
  }
}
