import { Type } from 'class-transformer';
import { IsIn, IsNumber, IsString, Matches, Max, Min, ValidateNested } from 'class-validator';

export const SENTIMENT_LABELS = ['positive', 'negative', 'neutral'] as const;
export type SentimentLabel = (typeof SENTIMENT_LABELS)[number];

export const INTENT_LABELS = ['question', 'complaint', 'praise', 'purchase_intent', 'other'] as const;
export type IntentLabel = (typeof INTENT_LABELS)[number];

export class LanguageGuess {
  /** ISO 639-1 code where one exists (else 639-3), or `und` when the detector is unsure. */
  @Matches(/^([a-z]{2,3}|und)$/) code!: string;
  @IsNumber() @Min(0) @Max(1) confidence!: number;
}

export class SentimentScore {
  @IsIn(SENTIMENT_LABELS) label!: SentimentLabel;
  /** -1 (very negative) … +1 (very positive). */
  @IsNumber() @Min(-1) @Max(1) score!: number;
}

export class IntentGuess {
  @IsIn(INTENT_LABELS) label!: IntentLabel;
  @IsNumber() @Min(0) @Max(1) confidence!: number;
}

/** What the classifier concluded about one mention, and which model version said so. */
export class Classification {
  @ValidateNested() @Type(() => LanguageGuess) language!: LanguageGuess;
  @ValidateNested() @Type(() => SentimentScore) sentiment!: SentimentScore;
  @ValidateNested() @Type(() => IntentGuess) intent!: IntentGuess;
  @IsString() modelVersion!: string;
}
