import { Queue } from '@cxm/contracts';
import { CollectionDefinition } from '@cxm/platform-store';

/** A case: one customer conversation that needs (or needed) the team's attention. */
export interface SupportCase {
  id: string;
  tenantId: string;
  conversationId: string;
  channel: string;
  profileId: string;
  queue: Queue;
  priority: number;
  status: 'open' | 'closed';
  openedAt: string;
  updatedAt: string;
  mentionIds: string[];
}

export const SUPPORT_CASES: CollectionDefinition = {
  name: 'support_cases',
  indexes: [['conversationId', 'status']],
};
