import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, MaxLength } from 'class-validator';

export class StartReprocessDto {
  @ApiPropertyOptional({ description: 'Which mentions: a query in the Explorer language (empty: all)', example: 'lang:tr battery' })
  @IsOptional()
  @IsString()
  @MaxLength(2_000)
  query?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Mentions created at or after this time' })
  @IsOptional()
  @IsISO8601({ strict: true })
  fromTime?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Mentions created before this time' })
  @IsOptional()
  @IsISO8601({ strict: true })
  toTime?: string;
}
