import { CollectionDefinition } from '@cxm/platform-store';

export const VISIBILITIES = ['private', 'tenant'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

/**
 * A query an analyst keeps, owned by the user who saved it. `private`: the owner and the users in
 * `sharedWith` see it; `tenant`: everyone of the tenant does. Only the owner changes or deletes it.
 */
export interface SavedSearch {
  id: string;
  tenantId: string;
  ownerId: string;
  name: string;
  query: string;
  description?: string;
  visibility: Visibility;
  sharedWith: string[];
  createdAt: string;
  updatedAt: string;
  /** The store keeps documents: a deleted search stays as a tombstone nobody can read. */
  status: 'active' | 'deleted';
  deletedAt?: string;
  /** Fingerprint of the create request that carried an Idempotency-Key (internal). */
  requestFingerprint?: string;
}

/** What the API shows of a saved search. */
export type SavedSearchView = Omit<SavedSearch, 'status' | 'deletedAt' | 'requestFingerprint'>;

export const SAVED_SEARCHES: CollectionDefinition = { name: 'explorer_saved_searches', indexes: [['status', 'id'], ['ownerId', 'status', 'id']] };

export function canRead(search: SavedSearch, userId: string | undefined): boolean {
  if (search.status !== 'active') return false;
  if (search.visibility === 'tenant') return true;
  return userId !== undefined && (search.ownerId === userId || search.sharedWith.includes(userId));
}

export function toView(search: SavedSearch): SavedSearchView {
  const { status, deletedAt, requestFingerprint, ...view } = search;
  void status;
  void deletedAt;
  void requestFingerprint;
  return view;
}
