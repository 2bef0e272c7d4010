import { Module } from '@nestjs/common';
import { ErasureController } from './erasure/erasure.controller';
import { EraseMention } from './erasure/erase-mention.usecase';
import { MentionStoriesController } from './mention-story/mention-stories.controller';
import { MentionStoryConsumers } from './mention-story/mention-story.consumers';
import { ProjectMentionStory } from './mention-story/project-mention-story.usecase';
import { RebuildMentionIndex } from './reindex/rebuild-mention-index.usecase';
import { ReindexController } from './reindex/reindex.controller';
import { SearchController } from './search/search.controller';
import { SearchMentions } from './search/search-mentions.usecase';

/** Explore: every mention's story, indexed and searchable. */
@Module({
  controllers: [MentionStoriesController, SearchController, ErasureController, ReindexController],
  providers: [ProjectMentionStory, MentionStoryConsumers, SearchMentions, EraseMention, RebuildMentionIndex],
})
export class ExplorerModule {}
