import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { HISTOGRAM_INTERVALS, MAX_SHARE_OF_VOICE_QUERIES, MAX_TERMS_SIZE, TERMS_FIELDS } from '@cxm/platform-index';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  registerDecorator,
  ValidateIf,
  ValidateNested,
  ValidationArguments,
} from 'class-validator';

export const AGGREGATION_TYPES = ['dateHistogram', 'terms', 'shareOfVoice'] as const;
export type AggregationType = (typeof AGGREGATION_TYPES)[number];
/** Most aggregations per request, and per drill-down. */
export const MAX_AGGREGATIONS = 10;

/** Refuses the property unless the aggregation is of `type` (a `size` on a histogram is a mistake, not noise). */
function AppliesTo(type: AggregationType) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'appliesTo',
      target: target.constructor,
      propertyName,
      validator: {
        validate: (value: unknown, args: ValidationArguments) => value === undefined || (args.object as { type?: unknown }).type === type,
        defaultMessage: () => `${propertyName} applies to ${type} aggregations only`,
      },
    });
}

export class NamedQueryDto {
  @ApiProperty({ description: 'The bucket key', example: 'Aurora' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name!: string;

  @ApiProperty({ description: 'A query in the search language, e.g. a brand with its spellings', example: 'aurora OR #aurora OR "aurora x5"' })
  @IsString()
  @MaxLength(2_000)
  query!: string;
}

/** A drill-down: any aggregation, computed inside each bucket of its parent; it cannot have its own. */
export class SubAggregationDto {
  @ApiProperty({ description: 'Key of the answer; letters, digits, _ and -, starting with a letter', example: 'sentiment' })
  @IsString()
  @Matches(/^[A-Za-z][A-Za-z0-9_-]{0,63}$/, { message: 'name must start with a letter and hold only letters, digits, _ and - (at most 64)' })
  name!: string;

  @ApiProperty({ enum: AGGREGATION_TYPES })
  @IsIn(AGGREGATION_TYPES)
  type!: AggregationType;

  @ApiPropertyOptional({ enum: TERMS_FIELDS, description: 'terms: the field to break down (required)' })
  @ValidateIf((o: SubAggregationDto) => o.type === 'terms' || o.field !== undefined)
  @AppliesTo('terms')
  @IsIn(TERMS_FIELDS)
  field?: (typeof TERMS_FIELDS)[number];

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_TERMS_SIZE, default: 10, description: 'terms: how many values' })
  @ValidateIf((o: SubAggregationDto) => o.size !== undefined)
  @AppliesTo('terms')
  @IsInt()
  @Min(1)
  @Max(MAX_TERMS_SIZE)
  size?: number;

  @ApiPropertyOptional({ enum: [...HISTOGRAM_INTERVALS, 'auto'], default: 'auto', description: 'dateHistogram: bucket width (UTC; weeks start on Monday)' })
  @ValidateIf((o: SubAggregationDto) => o.interval !== undefined)
  @AppliesTo('dateHistogram')
  @IsIn([...HISTOGRAM_INTERVALS, 'auto'])
  interval?: (typeof HISTOGRAM_INTERVALS)[number] | 'auto';

  @ApiPropertyOptional({ type: () => [NamedQueryDto], description: `shareOfVoice: 1–${MAX_SHARE_OF_VOICE_QUERIES} named queries (required)` })
  @ValidateIf((o: SubAggregationDto) => o.type === 'shareOfVoice' || o.queries !== undefined)
  @AppliesTo('shareOfVoice')
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_SHARE_OF_VOICE_QUERIES)
  @ValidateNested({ each: true })
  @Type(() => NamedQueryDto)
  queries?: NamedQueryDto[];
}

export class AggregationRequestDto extends SubAggregationDto {
  @ApiPropertyOptional({ type: () => [SubAggregationDto], description: 'One drill-down level: computed inside every bucket (e.g. sentiment per day)' })
  @ValidateIf((o: AggregationRequestDto) => o.aggregations !== undefined)
  @IsArray()
  @ArrayMaxSize(MAX_AGGREGATIONS)
  @ValidateNested({ each: true })
  @Type(() => SubAggregationDto)
  aggregations?: SubAggregationDto[];
}
