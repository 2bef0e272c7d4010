import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { EVENT_BUS, EventBus } from '@cxm/platform-bus';
import { ProjectMentionStory } from './project-mention-story.usecase';

/** The explorer listens to the whole lifecycle: each topic adds its part of the story. */
@Injectable()
export class MentionStoryConsumers implements OnModuleInit {
  constructor(
    @Inject(EVENT_BUS) private readonly bus: EventBus,
    private readonly project: ProjectMentionStory,
  ) {}

  onModuleInit(): void {
    const group = 'explorer';
    this.bus.subscribe({ group, topic: 'mentions.raw', handler: (e) => this.project.received(e) });
    this.bus.subscribe({ group, topic: 'mentions.classified', handler: (e) => this.project.classified(e) });
    this.bus.subscribe({ group, topic: 'profiles.updated', handler: (e) => this.project.profiled(e) });
    this.bus.subscribe({ group, topic: 'cases.routed', handler: (e) => this.project.routed(e) });
    this.bus.subscribe({ group, topic: 'replies.requested', handler: (e) => this.project.replyRequested(e) });
    this.bus.subscribe({ group, topic: 'replies.sent', handler: (e) => this.project.replySent(e) });
    this.bus.subscribe({ group, topic: 'mentions.erased', handler: (e) => this.project.erased(e) });
  }
}
