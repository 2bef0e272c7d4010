import { deriveId } from '@cxm/contracts';
import { CollectionDefinition } from '@cxm/platform-store';

/** An author the brand has heard from before: the classifier's own view, fed by profiles.updated. */
export interface KnownAuthor {
  id: string;
  tenantId: string;
  mentionCount: number;
}

export const KNOWN_AUTHORS: CollectionDefinition = { name: 'classifier_known_authors', indexes: [] };

export function knownAuthorId(tenantId: string, channel: string, authorId: string): string {
  return deriveId('known-author', tenantId, channel, authorId);
}
