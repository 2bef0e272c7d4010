import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { HISTOGRAM_INTERVALS, TERMS_FIELDS } from '@cxm/platform-index';
import { AGGREGATION_TYPES } from './aggregation-request.dto';

/** OpenAPI description of what `GET`/`POST /v1/search` answer (the index's SearchResult). */
class TextSpanDto {
  @ApiProperty({ description: 'First character, 0-based, in UTF-16 code units of `text`' }) start!: number;
  @ApiProperty({ description: 'One past the last character' }) end!: number;
}

class HighlightDto {
  @ApiProperty({ type: [TextSpanDto], description: 'Where the query\'s words occur in the mention text, in order' }) spans!: TextSpanDto[];
  @ApiProperty({ description: 'The mention text, HTML-escaped, each span wrapped in <mark>…</mark>', example: 'My Aurora <mark>battery</mark> died' }) text!: string;
}

class SearchHitDto {
  @ApiProperty() id!: string;
  @ApiProperty() channel!: string;
  @ApiProperty() externalId!: string;
  @ApiProperty() text!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty() authorId!: string;
  @ApiProperty() authorHandle!: string;
  @ApiProperty() authorDisplayName!: string;
  @ApiPropertyOptional() authorFollowers?: number;
  @ApiProperty() conversationId!: string;
  @ApiPropertyOptional({ description: 'Language (ISO 639-1)' }) lang?: string;
  @ApiPropertyOptional() sentiment?: string;
  @ApiPropertyOptional({ minimum: -1, maximum: 1 }) sentimentScore?: number;
  @ApiPropertyOptional({ description: 'The primary intent' }) intent?: string;
  @ApiPropertyOptional({ type: [String], description: 'Every intent that holds' }) intents?: string[];
  @ApiPropertyOptional({ type: [String] }) topics?: string[];
  @ApiPropertyOptional({ type: [String], example: ['#battery'] }) hashtags?: string[];
  @ApiPropertyOptional({ example: 'TR' }) country?: string;
  @ApiPropertyOptional({ minimum: 0, maximum: 100 }) priorityScore?: number;
  @ApiPropertyOptional() profileId?: string;
  @ApiPropertyOptional() caseId?: string;
  @ApiPropertyOptional() queue?: string;
  @ApiPropertyOptional({ type: HighlightDto, description: 'Only when highlight was asked for' }) highlight?: HighlightDto;
}

class AggregationBucketDto {
  @ApiProperty({ description: 'dateHistogram: the bucket start (ISO-8601 UTC); terms: the value; shareOfVoice: the query name' }) key!: string;
  @ApiProperty() count!: number;
  @ApiPropertyOptional({ description: 'shareOfVoice: count / the sum of every bucket\'s count' }) share?: number;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'The drill-down answers in this bucket, by name' }) aggregations?: Record<string, unknown>;
}

class AggregationResultDto {
  @ApiProperty({ enum: AGGREGATION_TYPES }) type!: string;
  @ApiPropertyOptional({ enum: HISTOGRAM_INTERVALS, description: 'dateHistogram: the interval used (auto resolved)' }) interval?: string;
  @ApiPropertyOptional({ enum: TERMS_FIELDS }) field?: string;
  @ApiProperty({ type: [AggregationBucketDto] }) buckets!: AggregationBucketDto[];
  @ApiPropertyOptional({ description: 'terms: hits counted for values beyond size' }) otherCount?: number;
}

export class SearchResponseDto {
  @ApiProperty({ type: [SearchHitDto] }) items!: SearchHitDto[];
  @ApiProperty({ description: 'Every hit of the query' }) total!: number;
  @ApiProperty({ type: String, nullable: true, description: 'Pass as cursor (with the same sort) for the next page; null on the last' }) nextCursor!: string | null;
  @ApiPropertyOptional({ type: 'object', additionalProperties: { $ref: '#/components/schemas/AggregationResultDto' }, description: 'By name, when asked for' })
  aggregations?: Record<string, AggregationResultDto>;
}

export { AggregationResultDto };
