import { Module } from '@nestjs/common';
import { ClassifyMentionConsumer } from './classify-mention/classify-mention.consumer';
import { ClassifyMention } from './classify-mention/classify-mention.usecase';

/** Classify: language, sentiment and intent of every received mention. */
@Module({ providers: [ClassifyMention, ClassifyMentionConsumer] })
export class ClassifierModule {}
