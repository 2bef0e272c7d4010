import { Inject, Injectable } from '@nestjs/common';
import { deriveId } from '@cxm/contracts';
import { forbiddenProblem, notFoundProblem, parseQueryOrProblem } from '@cxm/platform-http';
import { SEARCH_FIELD_NAMES } from '@cxm/platform-index';
import { DOCUMENT_STORE, DocumentCollection, DocumentStore } from '@cxm/platform-store';
import { randomUUID } from 'node:crypto';
import { insertOnce, requestFingerprint } from '../common/idempotency';
import { decodeStoreCursor, encodeStoreCursor, ListPage } from '../common/store-cursor';
import { canRead, SAVED_SEARCHES, SavedSearch, SavedSearchView, toView, Visibility } from './saved-search';

export interface SavedSearchInput {
  name: string;
  query: string;
  description?: string;
  visibility?: Visibility;
  sharedWith?: string[];
}

/** Documents read per store call while a list looks for the ones the caller may see. */
const SCAN_BATCH = 200;
/** A page stops after this many documents examined, so one request stays bounded; the cursor goes on. */
const MAX_SCANNED_PER_PAGE = 2_000;

/**
 * Saved searches: created by a user, readable as their visibility says, changed or deleted only
 * by their owner. Another tenant's search, or one the caller may not read, answers 404 (its
 * existence is not revealed); a readable one that is not the caller's answers 403 to a write.
 */
@Injectable()
export class ManageSavedSearches {
  private readonly searches: DocumentCollection<SavedSearch>;

  constructor(@Inject(DOCUMENT_STORE) store: DocumentStore) {
    this.searches = store.collection<SavedSearch>(SAVED_SEARCHES);
  }

  /** `created` is false when an Idempotency-Key repeat found the search its first request made. */
  async create(tenantId: string, userId: string, input: SavedSearchInput, idempotencyKey?: string, now = new Date()): Promise<{ search: SavedSearchView; created: boolean }> {
    checkQuery(input.query);
    const fingerprint = idempotencyKey === undefined ? undefined : requestFingerprint(normalized(input));
    const id = idempotencyKey === undefined ? randomUUID() : deriveId('saved-search', tenantId, userId, idempotencyKey);
    const at = now.toISOString();
    const search: SavedSearch = { id, tenantId, ownerId: userId, ...normalized(input), createdAt: at, updatedAt: at, status: 'active', requestFingerprint: fingerprint };
    const { doc, created } = await insertOnce(this.searches, search);
    return { search: toView(doc), created };
  }

  async get(tenantId: string, userId: string | undefined, id: string): Promise<SavedSearchView> {
    return toView(await this.readable(tenantId, userId, id));
  }

  /** The search itself, for exports and monitors: 404 unless the caller may read it. */
  async readable(tenantId: string, userId: string | undefined, id: string): Promise<SavedSearch> {
    const found = await this.searches.get(tenantId, id);
    if (!found || !canRead(found.doc, userId)) throw notFoundProblem(`no saved search ${id}`);
    return found.doc;
  }

  /** Ordered by id. A page may hold fewer than `limit` items and still have a next one. */
  async list(tenantId: string, userId: string | undefined, options: { limit: number; cursor?: string; owner?: string }): Promise<ListPage<SavedSearchView>> {
    const filter = { status: 'active', ...(options.owner !== undefined ? { ownerId: options.owner } : {}) };
    const items: SavedSearchView[] = [];
    let afterId = decodeStoreCursor(options.cursor);
    for (let scanned = 0; scanned < MAX_SCANNED_PER_PAGE; ) {
      const batch = await this.searches.find(tenantId, filter, { limit: SCAN_BATCH, afterId });
      for (const search of batch) {
        afterId = search.id;
        if (canRead(search, userId)) items.push(toView(search));
        if (items.length === options.limit) return { items, nextCursor: encodeStoreCursor(afterId) };
      }
      if (batch.length < SCAN_BATCH) return { items, nextCursor: null };
      scanned += batch.length;
    }
    return { items, nextCursor: afterId === undefined ? null : encodeStoreCursor(afterId) };
  }

  async update(tenantId: string, userId: string, id: string, input: SavedSearchInput, now = new Date()): Promise<SavedSearchView> {
    checkQuery(input.query);
    const current = await this.owned(tenantId, userId, id);
    const next: SavedSearch = { ...current.doc, ...normalized(input), updatedAt: now.toISOString() };
    // A concurrent change by the owner fails the replace (version conflict) rather than being lost.
    return toView((await this.searches.replace(next, current.version)).doc);
  }

  async remove(tenantId: string, userId: string, id: string, now = new Date()): Promise<void> {
    const current = await this.owned(tenantId, userId, id);
    const at = now.toISOString();
    await this.searches.replace({ ...current.doc, status: 'deleted', deletedAt: at, updatedAt: at }, current.version);
  }

  private async owned(tenantId: string, userId: string, id: string) {
    const found = await this.searches.get(tenantId, id);
    if (!found || !canRead(found.doc, userId)) throw notFoundProblem(`no saved search ${id}`);
    if (found.doc.ownerId !== userId) throw forbiddenProblem(`only its owner may change saved search ${id}`);
    return found;
  }
}

/** The query must parse now, so a saved search never fails later; a syntax error is a 400 with its position. */
function checkQuery(query: string): void {
  parseQueryOrProblem(query, { fields: SEARCH_FIELD_NAMES }, 'query');
}

function normalized(input: SavedSearchInput): Pick<SavedSearch, 'name' | 'query' | 'description' | 'visibility' | 'sharedWith'> {
  return {
    name: input.name.trim(),
    query: input.query,
    description: input.description,
    visibility: input.visibility ?? 'private',
    sharedWith: [...new Set(input.sharedWith ?? [])],
  };
}
