import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

export class PutTopicDto {
  @ApiProperty({ description: 'A query in the Explorer language, e.g. (battery OR charger) AND NOT "battery park"', example: '(battery OR charger) AND NOT "battery park"' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2_000)
  query!: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string;
}
