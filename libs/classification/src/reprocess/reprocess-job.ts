import { CollectionDefinition } from '@cxm/platform-store';

export interface ReprocessJob {
  id: string;
  tenantId: string;
  query: string;
  fromTime?: string;
  toTime?: string;
  status: 'running' | 'done' | 'failed';
  /** Mentions looked at / matching the query and time range / re-classified and re-published. */
  scanned: number;
  matched: number;
  reclassified: number;
  /** Where the scan is: a restarted classifier resumes from here. */
  lastId?: string;
  startedAt: string;
  updatedAt: string;
  finishedAt?: string;
  error?: string;
}

export const REPROCESS_JOBS: CollectionDefinition = { name: 'classifier_reprocess_jobs', indexes: [['status']] };
