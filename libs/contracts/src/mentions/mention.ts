import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsObject,
  IsISO8601,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Max,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { CHANNELS, Channel } from './channels';

/** Longest mention text accepted, in UTF-16 code units (a long email body fits; a novel does not). */
export const MAX_MENTION_TEXT_LENGTH = 20_000;

export class MentionAuthor {
  @ApiProperty({ description: "The author's stable id on the channel (user id, e-mail address, phone number…)", example: '1456789' })
  @IsString() @IsNotEmpty() @MaxLength(256) id!: string;
  @ApiProperty({ example: '@mara' }) @IsString() @IsNotEmpty() @MaxLength(256) handle!: string;
  @ApiProperty({ example: 'Mara Lind' }) @IsString() @IsNotEmpty() @MaxLength(256) displayName!: string;
  @ApiPropertyOptional({ minimum: 0 }) @IsOptional() @IsInt() @Min(0) followers?: number;
}

/** A star (or score) rating that came with a review: `value` out of `max` (4 of 5 stars, 8 of 10 points). */
export class MentionRating {
  @ApiProperty({ minimum: 0, example: 4 }) @IsNumber() @Min(0) @Max(100) value!: number;
  @ApiProperty({ minimum: 1, maximum: 100, example: 5, description: 'The best rating on this scale (5 stars, 10 points)' }) @IsInt() @Min(1) @Max(100) max!: number;
}

/** A file that came with the mention (an e-mail attachment): recorded, its bytes not carried along. */
export class MentionAttachment {
  @ApiPropertyOptional({ description: 'File name as the sender gave it (decoded)', example: 'facture-4521.pdf' })
  @IsOptional() @IsString() @MaxLength(256) name?: string;
  @ApiProperty({ example: 'application/pdf' }) @IsString() @IsNotEmpty() @MaxLength(256) contentType!: string;
  @ApiProperty({ minimum: 0, description: 'Decoded size in bytes' }) @IsInt() @Min(0) size!: number;
  @ApiPropertyOptional({ description: 'Shown inside the body (an inline image) rather than attached' })
  @IsOptional() @IsBoolean() inline?: boolean;
}

/** Most attachments recorded on one mention; a message with more keeps the first ones. */
export const MAX_MENTION_ATTACHMENTS = 100;

/**
 * The one shape every channel's payload is normalised into. This is what `POST /v1/mentions`
 * accepts and what connectors produce.
 */
export class CanonicalMention {
  @ApiProperty({ example: 'demo' }) @IsString() @IsNotEmpty() @MaxLength(64) tenantId!: string;
  @ApiProperty({ enum: CHANNELS }) @IsIn(CHANNELS) channel!: Channel;
  /** The channel's own id for this post; (tenantId, channel, externalId) is the natural key. */
  @ApiProperty({ description: "The channel's own id of the post: (tenantId, channel, externalId) is the deduplication key", example: '1861234567890' })
  @IsString() @IsNotEmpty() @MaxLength(256) externalId!: string;
  @ApiProperty({ type: () => MentionAuthor }) @IsDefined() @IsObject() @ValidateNested() @Type(() => MentionAuthor) author!: MentionAuthor;
  @ApiProperty({ maxLength: MAX_MENTION_TEXT_LENGTH, example: 'My Aurora X5 battery dies by noon 😡' })
  @IsString() @IsNotEmpty() @MaxLength(MAX_MENTION_TEXT_LENGTH) text!: string;
  @ApiProperty({ format: 'date-time', example: '2026-11-20T10:00:00Z' }) @IsISO8601({ strict: true }) createdAt!: string;
  @ApiPropertyOptional({ format: 'uri' }) @IsOptional() @IsUrl({ require_protocol: true }) @MaxLength(2048) url?: string;
  /** externalId of the post this one answers. */
  @ApiPropertyOptional({ description: 'externalId of the post this one answers' })
  @IsOptional() @IsString() @MaxLength(256) inReplyTo?: string;
  @ApiPropertyOptional({ description: "The platform's thread id; when absent the thread is derived from inReplyTo" })
  @IsOptional() @IsString() @MaxLength(256) conversationId?: string;
  /** The brand account or keyword this mention was found for. */
  @ApiPropertyOptional({ description: 'The brand account or keyword this mention was found for', example: '@aurora_mobile' })
  @IsOptional() @IsString() @MaxLength(256) target?: string;
  /**
   * When the author last edited the post. A mention seen again with a later `editedAt` (and a
   * changed text) is an edit: it updates the mention instead of adding one.
   */
  @ApiPropertyOptional({ format: 'date-time', description: 'When the post was last edited; a later editedAt updates the mention instead of adding one' })
  @IsOptional() @IsISO8601({ strict: true }) editedAt?: string;
  /** Reviews only (app stores, review sites): the author's rating. Added within schema v1. */
  @ApiPropertyOptional({ type: () => MentionRating, description: "A review's rating: value out of max" })
  @IsOptional() @IsObject() @ValidateNested() @Type(() => MentionRating) rating?: MentionRating;
  /** The post's own title: an article's headline, a forum thread's title, an e-mail's subject. Also at the head of `text`. */
  @ApiPropertyOptional({ description: "The post's title: an article's headline, an e-mail's subject (also at the head of text)", example: 'Где мой заказ?' })
  @IsOptional() @IsString() @MaxLength(1024) title?: string;
  /** Files that came with the post (name, type, size), e.g. an e-mail's attachments. */
  @ApiPropertyOptional({ type: () => [MentionAttachment], description: "Files that came with the post (an e-mail's attachments): name, type and size only" })
  @IsOptional() @IsArray() @ArrayMaxSize(MAX_MENTION_ATTACHMENTS) @ValidateNested({ each: true }) @Type(() => MentionAttachment) attachments?: MentionAttachment[];
  /** Where the mention comes from, when the channel says (the post's place, else the author's profile). */
  @ApiPropertyOptional({ description: "ISO 3166-1 alpha-2 country of the mention, when the channel reports one (the post's place, else the author's profile)", example: 'TR' })
  @IsOptional() @Matches(/^[A-Z]{2}$/, { message: 'country must be an ISO 3166-1 alpha-2 code in capitals, e.g. TR' }) country?: string;
}

/** A canonical mention once accepted: it has its platform id and a resolved conversation. */
export class Mention extends CanonicalMention {
  @IsUUID() id!: string;
  @IsString() @IsNotEmpty() declare conversationId: string;
  @IsISO8601() receivedAt!: string;
}
