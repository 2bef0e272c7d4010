import { Type } from 'class-transformer';
import {
  IsISO8601,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { CHANNELS, Channel } from './channels';

/** Longest mention text accepted, in UTF-16 code units (a long email body fits; a novel does not). */
export const MAX_MENTION_TEXT_LENGTH = 20_000;

export class MentionAuthor {
  /** The author's stable id on the channel (user id, e-mail address, phone number…). */
  @IsString() @IsNotEmpty() @MaxLength(256) id!: string;
  @IsString() @IsNotEmpty() @MaxLength(256) handle!: string;
  @IsString() @IsNotEmpty() @MaxLength(256) displayName!: string;
  @IsOptional() @IsInt() @Min(0) followers?: number;
}

/**
 * The one shape every channel's payload is normalised into. This is what `POST /v1/mentions`
 * accepts and what connectors produce.
 */
export class CanonicalMention {
  @IsString() @IsNotEmpty() @MaxLength(64) tenantId!: string;
  @IsIn(CHANNELS) channel!: Channel;
  /** The channel's own id for this post; (tenantId, channel, externalId) is the natural key. */
  @IsString() @IsNotEmpty() @MaxLength(256) externalId!: string;
  @ValidateNested() @Type(() => MentionAuthor) author!: MentionAuthor;
  @IsString() @IsNotEmpty() @MaxLength(MAX_MENTION_TEXT_LENGTH) text!: string;
  @IsISO8601({ strict: true }) createdAt!: string;
  @IsOptional() @IsUrl({ require_protocol: true }) @MaxLength(2048) url?: string;
  /** externalId of the post this one answers. */
  @IsOptional() @IsString() @MaxLength(256) inReplyTo?: string;
  @IsOptional() @IsString() @MaxLength(256) conversationId?: string;
  /** The brand account or keyword this mention was found for. */
  @IsOptional() @IsString() @MaxLength(256) target?: string;
}

/** A canonical mention once accepted: it has its platform id and a resolved conversation. */
export class Mention extends CanonicalMention {
  @IsUUID() id!: string;
  @IsString() @IsNotEmpty() declare conversationId: string;
  @IsISO8601() receivedAt!: string;
}
