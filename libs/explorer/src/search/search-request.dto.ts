import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SEARCH_SORTS, SearchSort } from '@cxm/platform-index';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { AggregationRequestDto, MAX_AGGREGATIONS } from './aggregation-request.dto';

export const DEFAULT_SEARCH_LIMIT = 20;
export const MAX_SEARCH_LIMIT = 100;
const QUERY_HELP = 'In the query language (docs/query-language.md): words (all must match), "phrases", AND/OR/NOT, -term, ( ), NEAR/n, batt*, lang: sentiment: intent: channel: author: topic: country: filters, followers: and date: ranges';
const SORT_HELP = 'newest (default): createdAt desc; oldest: createdAt asc; priority: priorityScore desc (unscored last), then newest';

/** What GET and POST share. */
class SearchPageDto {
  @ApiPropertyOptional({ enum: SEARCH_SORTS, default: 'newest', description: SORT_HELP })
  @IsOptional()
  @IsIn(SEARCH_SORTS)
  sort?: SearchSort;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_SEARCH_LIMIT, default: DEFAULT_SEARCH_LIMIT })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_SEARCH_LIMIT)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page, with the same sort (search-after: any depth)' })
  @IsOptional()
  @IsString()
  @MaxLength(1_000)
  cursor?: string;
}

/** `GET /v1/search?q=…&sort=…&limit=…&cursor=…&highlight=true` */
export class SearchQueryDto extends SearchPageDto {
  @ApiPropertyOptional({ description: QUERY_HELP })
  @IsOptional()
  @IsString()
  @MaxLength(2_000)
  q?: string;

  @ApiPropertyOptional({ type: Boolean, default: false, description: 'Mark the matched words in each item (highlight)' })
  @IsOptional()
  // A query string is text: only the words true / false are booleans (anything else stays a string and fails).
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  highlight?: boolean;
}

/** `POST /v1/search` */
export class SearchRequestDto extends SearchPageDto {
  @ApiProperty({ description: QUERY_HELP, example: 'battery lang:tr date:[now-7d TO now]' })
  @IsString()
  @MaxLength(2_000)
  query!: string;

  @ApiPropertyOptional({ default: false, description: 'Mark the matched words in each item (highlight)' })
  @IsOptional()
  @IsBoolean()
  highlight?: boolean;

  @ApiPropertyOptional({ type: () => [AggregationRequestDto], description: `Up to ${MAX_AGGREGATIONS}, over every hit (not only this page); answered by name` })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_AGGREGATIONS)
  @ValidateNested({ each: true })
  @Type(() => AggregationRequestDto)
  aggregations?: AggregationRequestDto[];
}
