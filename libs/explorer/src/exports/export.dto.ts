import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { EXPORT_FORMATS, ExportFormat } from './export-format';

export class ExportOptionsDto {
  @ApiPropertyOptional({ enum: EXPORT_FORMATS, default: 'csv' })
  @IsOptional()
  @IsIn(EXPORT_FORMATS)
  format?: ExportFormat;

  @ApiPropertyOptional({ minimum: 1, maximum: 10_000_000, description: 'Write at most this many mentions (newest first); default: the whole result' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10_000_000)
  limit?: number;
}

export class ExportQueryDto extends ExportOptionsDto {
  @ApiPropertyOptional({ description: 'The query (query language, as GET /v1/search); empty exports every mention' })
  @IsOptional()
  @IsString()
  @MaxLength(2_000)
  q?: string;
}
