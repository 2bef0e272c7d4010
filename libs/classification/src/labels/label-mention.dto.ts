import { ApiPropertyOptional } from '@nestjs/swagger';
import { INTENT_LABELS, IntentLabel, SENTIMENT_LABELS, SentimentLabel } from '@cxm/contracts';
import { IsIn, IsOptional } from 'class-validator';

const CORRECTABLE_SENTIMENTS = SENTIMENT_LABELS.filter((label) => label !== 'unsupported');

export class LabelMentionDto {
  @ApiPropertyOptional({ enum: INTENT_LABELS, description: 'The right intent for this mention' })
  @IsOptional()
  @IsIn(INTENT_LABELS)
  intent?: IntentLabel;

  @ApiPropertyOptional({ enum: CORRECTABLE_SENTIMENTS })
  @IsOptional()
  @IsIn(CORRECTABLE_SENTIMENTS)
  sentiment?: SentimentLabel;
}
