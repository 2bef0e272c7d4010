import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, IsUrl, Max, MaxLength, Min, MinLength } from 'class-validator';

const SECRET = { writeOnly: true, minLength: 8, maxLength: 512 } as const;

/**
 * A channel's settings: one shape for every channel, each key documented; the channel's
 * connector says which keys it requires (docs/channels/README.md lists them). Secrets are
 * write-only: the API never answers them back.
 */
export class PutChannelSettingsDto {
  @ApiPropertyOptional({ ...SECRET, description: 'Meta channels (facebook, instagram, messenger, whatsapp): the app secret that signs X-Hub-Signature-256' })
  @IsOptional() @IsString() @MinLength(8) @MaxLength(512) appSecret?: string;

  @ApiPropertyOptional({ ...SECRET, description: 'Meta channels: the verify token you typed into the app dashboard, echoed by the hub.challenge handshake' })
  @IsOptional() @IsString() @MinLength(8) @MaxLength(512) verifyToken?: string;

  @ApiPropertyOptional({ ...SECRET, description: "x: the app's consumer secret (API secret key), which signs x-twitter-webhooks-signature and the CRC answer" })
  @IsOptional() @IsString() @MinLength(8) @MaxLength(512) consumerSecret?: string;

  @ApiPropertyOptional({ ...SECRET, description: 'Channels without a platform signature (reddit, youtube, appstore, reviews, chat, email): the shared secret of X-Cxm-Signature-256' })
  @IsOptional() @IsString() @MinLength(8) @MaxLength(512) webhookSecret?: string;

  @ApiPropertyOptional({ type: [String], maxItems: 100, description: 'rss: the feed URLs to poll (RSS 2.0 or Atom)' })
  @IsOptional() @IsArray() @ArrayMaxSize(100) @IsUrl({ require_protocol: true, protocols: ['http', 'https'] }, { each: true }) feeds?: string[];

  @ApiPropertyOptional({ minimum: 60, maximum: 86_400, description: 'rss: how often each feed is polled, in seconds' })
  @IsOptional() @IsInt() @Min(60) @Max(86_400) pollIntervalSeconds?: number;
}
