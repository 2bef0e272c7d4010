import { Module } from '@nestjs/common';
import { ClassifyMentionConsumer } from './classify-mention/classify-mention.consumer';
import { ClassifyMention } from './classify-mention/classify-mention.usecase';
import { MentionClassifier } from './classify-mention/mention-classifier';
import { RememberKnownAuthorConsumer } from './known-authors/remember-known-author.consumer';
import { LabelMention } from './labels/label-mention.usecase';
import { LabelsController } from './labels/labels.controller';
import { ReprocessController } from './reprocess/reprocess.controller';
import { RunReprocessJob } from './reprocess/run-reprocess-job.usecase';
import { RetrainTenantModel } from './tenant-model/retrain-tenant-model.usecase';
import { TenantModels } from './tenant-model/tenant-models';
import { TopicCatalog } from './topics/topic-catalog';
import { TopicsController } from './topics/topics.controller';

/** Classify: language, sentiment, intents, topics and priority of every mention; labels, tenant models, reprocessing. */
@Module({
  controllers: [TopicsController, LabelsController, ReprocessController],
  providers: [
    ClassifyMention,
    ClassifyMentionConsumer,
    MentionClassifier,
    TopicCatalog,
    TenantModels,
    RetrainTenantModel,
    LabelMention,
    RunReprocessJob,
    RememberKnownAuthorConsumer,
  ],
})
export class ClassifierModule {}
