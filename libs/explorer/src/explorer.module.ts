import { Module } from '@nestjs/common';
import { MentionStoriesController } from './mention-story/mention-stories.controller';
import { MentionStoryConsumers } from './mention-story/mention-story.consumers';
import { ProjectMentionStory } from './mention-story/project-mention-story.usecase';
import { SearchController } from './search/search.controller';
import { SearchMentions } from './search/search-mentions.usecase';

/** Explore: every mention's story, indexed and searchable. */
@Module({ controllers: [MentionStoriesController, SearchController], providers: [ProjectMentionStory, MentionStoryConsumers, SearchMentions] })
export class ExplorerModule {}
