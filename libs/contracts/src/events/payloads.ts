import { Type } from 'class-transformer';
import {
  IsArray,
  IsIn,
  IsISO8601,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { Classification } from '../mentions/classification';
import { Mention } from '../mentions/mention';

export class MentionReceivedPayload {
  @ValidateNested() @Type(() => Mention) mention!: Mention;
}

export class MentionClassifiedPayload {
  @ValidateNested() @Type(() => Mention) mention!: Mention;
  @ValidateNested() @Type(() => Classification) classification!: Classification;
}

export class ProfileSummary {
  @IsUUID() id!: string;
  @IsString() @IsNotEmpty() channel!: string;
  @IsString() @IsNotEmpty() authorId!: string;
  @IsString() handle!: string;
  @IsString() displayName!: string;
  @IsInt() @Min(1) mentionCount!: number;
  @IsISO8601() firstSeenAt!: string;
  @IsISO8601() lastSeenAt!: string;
}

export class ProfileUpdatedPayload {
  @ValidateNested() @Type(() => Mention) mention!: Mention;
  @ValidateNested() @Type(() => Classification) classification!: Classification;
  @ValidateNested() @Type(() => ProfileSummary) profile!: ProfileSummary;
}

export const QUEUES = ['care', 'engagement', 'sales', 'triage'] as const;
export type Queue = (typeof QUEUES)[number];

export class CaseSummary {
  @IsUUID() id!: string;
  @IsIn(QUEUES) queue!: Queue;
  /** 1 (most urgent) … 5 (can wait). */
  @IsInt() @Min(1) @Max(5) priority!: number;
  @IsIn(['open', 'closed']) status!: 'open' | 'closed';
  @IsString() @IsNotEmpty() conversationId!: string;
  @IsUUID() profileId!: string;
  @IsISO8601() openedAt!: string;
}

export class CaseRoutedPayload {
  @ValidateNested() @Type(() => Mention) mention!: Mention;
  @ValidateNested() @Type(() => Classification) classification!: Classification;
  @ValidateNested() @Type(() => CaseSummary) case!: CaseSummary;
  /** Which rule of the routing table decided the queue, for explainability. */
  @IsString() @IsNotEmpty() matchedRule!: string;
}

export const REPLY_ORIGINS = ['agent', 'auto'] as const;
export type ReplyOrigin = (typeof REPLY_ORIGINS)[number];

export class ReplyRequest {
  @IsUUID() id!: string;
  @IsUUID() caseId!: string;
  @IsUUID() mentionId!: string;
  @IsString() @IsNotEmpty() channel!: string;
  @IsString() @IsNotEmpty() conversationId!: string;
  /** externalId of the post the reply answers on the platform. */
  @IsString() @IsNotEmpty() inReplyToExternalId!: string;
  @IsString() @IsNotEmpty() text!: string;
  @IsIn(REPLY_ORIGINS) origin!: ReplyOrigin;
  @IsISO8601() requestedAt!: string;
}

export class ReplyRequestedPayload {
  @ValidateNested() @Type(() => ReplyRequest) reply!: ReplyRequest;
}

export const DELIVERY_STATUSES = ['delivered', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export class DeliveryResult {
  @IsIn(DELIVERY_STATUSES) status!: DeliveryStatus;
  @IsInt() @Min(0) attempts!: number;
  @IsOptional() @IsInt() statusCode?: number;
  @IsOptional() @IsString() error?: string;
  @IsISO8601() completedAt!: string;
}

export class ReplySentPayload {
  @ValidateNested() @Type(() => ReplyRequest) reply!: ReplyRequest;
  @ValidateNested() @Type(() => DeliveryResult) delivery!: DeliveryResult;
}

export const ERASURE_REQUESTERS = ['admin', 'tenant'] as const;
export type ErasureRequester = (typeof ERASURE_REQUESTERS)[number];

/**
 * A mention erased for privacy: every service that keeps a copy of it (or of what was derived
 * from it) deletes that copy. Carries no content of the mention, only what finds the copies.
 */
export class MentionErasedPayload {
  @IsUUID() mentionId!: string;
  @IsString() @IsNotEmpty() conversationId!: string;
  @IsString() @IsNotEmpty() channel!: string;
  @IsString() @IsNotEmpty() authorId!: string;
  @IsIn(ERASURE_REQUESTERS) requestedBy!: ErasureRequester;
  @IsISO8601() erasedAt!: string;
}

/** What a dead-letter topic carries: the original event untouched, and why it was given up on. */
export class DeadLetterPayload {
  @IsString() @IsNotEmpty() originalTopic!: string;
  @IsString() reason!: string;
  @IsInt() @Min(1) attempts!: number;
  @IsIn(['invalid', 'failed']) kind!: 'invalid' | 'failed';
  @IsArray() @IsString({ each: true }) errors!: string[];
  /** The event as it was read (may be unparseable, hence raw text). */
  @IsString() originalValue!: string;
  @IsISO8601() deadAt!: string;
}

export const ALERT_RULE_KINDS = ['threshold', 'anomaly'] as const;
export const ALERT_METRICS = ['volume', 'negativeShare'] as const;

/** The recent history an anomaly rule compared the window with. */
export class AlertBaseline {
  @IsInt() @Min(1) windows!: number;
  @IsNumber() mean!: number;
  @IsNumber() @Min(0) stddev!: number;
}

/** One firing of a monitor: what was measured over which window, against what limit. */
export class FiredAlert {
  /** Derived from the monitor and the window it fired in: two replicas or a restart fire the same alert. */
  @IsUUID() id!: string;
  @IsUUID() monitorId!: string;
  @IsUUID() savedSearchId!: string;
  @IsString() @IsNotEmpty() name!: string;
  @IsIn(ALERT_RULE_KINDS) rule!: (typeof ALERT_RULE_KINDS)[number];
  @IsIn(ALERT_METRICS) metric!: (typeof ALERT_METRICS)[number];
  @IsISO8601() windowStart!: string;
  @IsISO8601() windowEnd!: string;
  /** Mentions in the window (volume) or their negative share, 0–1 (negativeShare). */
  @IsNumber() value!: number;
  /** The value the rule had to exceed. */
  @IsNumber() threshold!: number;
  /** Mentions the saved search matched in the window. */
  @IsInt() @Min(0) count!: number;
  @IsOptional() @ValidateNested() @Type(() => AlertBaseline) baseline?: AlertBaseline;
  @IsISO8601() firedAt!: string;
}

export class AlertFiredPayload {
  @ValidateNested() @Type(() => FiredAlert) alert!: FiredAlert;
}
