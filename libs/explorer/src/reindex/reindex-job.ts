import { CollectionDefinition } from '@cxm/platform-store';

/** Reindex jobs span every tenant; they are kept under this reserved tenant id. */
export const REINDEX_SCOPE = '_platform';

export interface ReindexJob {
  id: string;
  tenantId: typeof REINDEX_SCOPE;
  status: 'running' | 'done' | 'failed';
  /** The index (or segment set) being built. */
  target?: string;
  /** Stories read / written into the new index / skipped (erased, or not yet a mention). */
  scanned: number;
  indexed: number;
  skipped: number;
  startedAt: string;
  updatedAt: string;
  finishedAt?: string;
  error?: string;
}

export const REINDEX_JOBS: CollectionDefinition = { name: 'explorer_reindex_jobs', indexes: [['status']] };
