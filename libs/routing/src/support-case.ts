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

/** Which case a mention was routed to: lets a redelivered mention find its case even once closed. */
export interface RoutedMention {
  id: string;
  tenantId: string;
  caseId: string;
}

export const ROUTED_MENTIONS: CollectionDefinition = { name: 'routing_routed_mentions', indexes: [] };

export const SUPPORT_CASES: CollectionDefinition = {
  name: 'support_cases',
  indexes: [['conversationId', 'status']],
};
