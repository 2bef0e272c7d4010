import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { EventEnvelope, ProfileUpdatedPayload } from '@cxm/contracts';
import { EVENT_BUS, EventBus } from '@cxm/platform-bus';
import { DOCUMENT_STORE, DocumentCollection, DocumentStore, upsertDocument } from '@cxm/platform-store';
import { KNOWN_AUTHORS, KnownAuthor, knownAuthorId } from './known-author';

/** Keeps the classifier's list of known customers (priority counts them) from profile updates. */
@Injectable()
export class RememberKnownAuthorConsumer implements OnModuleInit {
  private readonly authors: DocumentCollection<KnownAuthor>;

  constructor(
    @Inject(EVENT_BUS) private readonly bus: EventBus,
    @Inject(DOCUMENT_STORE) store: DocumentStore,
  ) {
    this.authors = store.collection<KnownAuthor>(KNOWN_AUTHORS);
  }

  onModuleInit(): void {
    this.bus.subscribe({ group: 'classifier-known-authors', topic: 'profiles.updated', handler: (event) => this.remember(event) });
  }

  async remember(event: EventEnvelope<ProfileUpdatedPayload>): Promise<void> {
    const { profile } = event.payload;
    const id = knownAuthorId(event.tenantId, profile.channel, profile.authorId);
    await upsertDocument(this.authors, event.tenantId, id, (current) =>
      current && current.mentionCount >= profile.mentionCount ? undefined : { id, tenantId: event.tenantId, mentionCount: profile.mentionCount },
    );
  }
}
