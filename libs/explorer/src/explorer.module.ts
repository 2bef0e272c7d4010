import { Module } from '@nestjs/common';
import { PLATFORM_CONFIG, PlatformConfig } from '@cxm/platform-config';
import { AlertScheduler } from './alerts/alert-scheduler';
import { HttpAlertWebhook } from './alerts/alert-webhook.adapter';
import { ALERT_WEBHOOK } from './alerts/alert-webhook.port';
import { AlertConsumers } from './alerts/alert.consumers';
import { AlertsController } from './alerts/alerts.controller';
import { DeliverAlertWebhook } from './alerts/deliver-alert-webhook.usecase';
import { ALERT_CLOCK, EvaluateMonitors } from './alerts/evaluate-monitors.usecase';
import { ManageMonitors } from './alerts/manage-monitors.usecase';
import { MonitorsController } from './alerts/monitors.controller';
import { WindowCounter } from './alerts/window-counter';
import { EraseMention } from './erasure/erase-mention.usecase';
import { ErasureController } from './erasure/erasure.controller';
import { ExportMentions } from './exports/export-mentions.usecase';
import { ExportsController } from './exports/exports.controller';
import { MentionStoriesController } from './mention-story/mention-stories.controller';
import { MentionStoryConsumers } from './mention-story/mention-story.consumers';
import { ProjectMentionStory } from './mention-story/project-mention-story.usecase';
import { RebuildMentionIndex } from './reindex/rebuild-mention-index.usecase';
import { ReindexController } from './reindex/reindex.controller';
import { ManageSavedSearches } from './saved-searches/manage-saved-searches.usecase';
import { SavedSearchesController } from './saved-searches/saved-searches.controller';
import { SearchController } from './search/search.controller';
import { SearchMentions } from './search/search-mentions.usecase';

/** Explore: every mention's story, indexed and searchable; saved searches, exports, and alerts on them. */
@Module({
  // ExportsController before SearchController: `/v1/search/export` must not be taken for a search route.
  controllers: [MentionStoriesController, ExportsController, SearchController, SavedSearchesController, MonitorsController, AlertsController, ErasureController, ReindexController],
  providers: [
    ProjectMentionStory,
    MentionStoryConsumers,
    SearchMentions,
    EraseMention,
    RebuildMentionIndex,
    ManageSavedSearches,
    ExportMentions,
    ManageMonitors,
    WindowCounter,
    EvaluateMonitors,
    DeliverAlertWebhook,
    AlertConsumers,
    AlertScheduler,
    { provide: ALERT_CLOCK, useValue: () => new Date() },
    {
      provide: ALERT_WEBHOOK,
      inject: [PLATFORM_CONFIG],
      useFactory: (config: PlatformConfig) => new HttpAlertWebhook({ timeoutMs: config.explorer.alerts.deliveryTimeoutMs, secret: config.explorer.alerts.webhookSecret }),
    },
  ],
})
export class ExplorerModule {}
