import { Type } from 'class-transformer';
import { IsArray, IsBoolean, IsIn, IsNumber, IsOptional, IsString, Matches, Max, Min, ValidateNested } from 'class-validator';

/** `unsupported`: the language has no sentiment model we trust — a marker, not a guess. */
export const SENTIMENT_LABELS = ['positive', 'negative', 'neutral', 'unsupported'] as const;
export type SentimentLabel = (typeof SENTIMENT_LABELS)[number];

/**
 * The primary intent (`intent.label`) is one of the first five; `intents` may also carry the
 * flags lead, spam, toxic and crisis, several at once. Additive within schema version 1.
 */
export const INTENT_LABELS = ['question', 'complaint', 'praise', 'purchase_intent', 'other', 'lead', 'spam', 'toxic', 'crisis'] as const;
export type IntentLabel = (typeof INTENT_LABELS)[number];

export const CUSTOMER_STATES = ['happy', 'frustrated', 'confused', 'neutral'] as const;
export type CustomerStateLabel = (typeof CUSTOMER_STATES)[number];

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

export class CustomerState {
  @IsIn(CUSTOMER_STATES) label!: CustomerStateLabel;
  @IsNumber() @Min(0) @Max(1) confidence!: number;
}

/** What the text contains that can be acted on; emails and phone numbers are personal data. */
export class MentionEntities {
  @IsArray() @IsString({ each: true }) hashtags!: string[];
  @IsArray() @IsString({ each: true }) mentions!: string[];
  @IsArray() @IsString({ each: true }) urls!: string[];
  @IsArray() @IsString({ each: true }) cashtags!: string[];
  @IsArray() @IsString({ each: true }) emails!: string[];
  @IsArray() @IsString({ each: true }) phones!: string[];
  @IsBoolean() containsPersonalData!: boolean;
}

export class PriorityReason {
  /** What contributed: intent, sentiment, reach, crisis, known-customer… */
  @IsString() factor!: string;
  @IsNumber() points!: number;
  @IsString() detail!: string;
}

/** 0 (can wait) … 100 (drop everything), with the reasons that add up to it. */
export class PriorityScore {
  @IsNumber() @Min(0) @Max(100) score!: number;
  @IsArray() @ValidateNested({ each: true }) @Type(() => PriorityReason) reasons!: PriorityReason[];
}

/** What the classifier concluded about one mention, and which model version said so. */
export class Classification {
  @ValidateNested() @Type(() => LanguageGuess) language!: LanguageGuess;
  @ValidateNested() @Type(() => SentimentScore) sentiment!: SentimentScore;
  /** The primary intent: what routing acts on. */
  @ValidateNested() @Type(() => IntentGuess) intent!: IntentGuess;
  @IsString() modelVersion!: string;
  /** Every intent that holds (the primary one included), each with its confidence. */
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => IntentGuess) intents?: IntentGuess[];
  @IsOptional() @ValidateNested() @Type(() => CustomerState) customerState?: CustomerState;
  @IsOptional() @ValidateNested() @Type(() => MentionEntities) entities?: MentionEntities;
  /** Names of the tenant's taxonomy topics whose query matches the mention. */
  @IsOptional() @IsArray() @IsString({ each: true }) topics?: string[];
  @IsOptional() @ValidateNested() @Type(() => PriorityScore) priority?: PriorityScore;
}
