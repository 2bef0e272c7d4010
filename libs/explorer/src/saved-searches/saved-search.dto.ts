import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { USER_ID } from '../common/acting-user';
import { PageQueryDto } from '../common/page-query.dto';
import { VISIBILITIES, Visibility } from './saved-search';

export class SavedSearchBodyDto {
  @ApiProperty({ maxLength: 200, example: 'Turkish battery complaints' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ maxLength: 2_000, description: 'In the query language (checked when saved)', example: 'battery lang:tr sentiment:negative' })
  @IsString()
  @MaxLength(2_000)
  query!: string;

  @ApiPropertyOptional({ maxLength: 2_000 })
  @IsOptional()
  @IsString()
  @MaxLength(2_000)
  description?: string;

  @ApiPropertyOptional({ enum: VISIBILITIES, default: 'private', description: '`private`: the owner and `sharedWith`; `tenant`: every user of the tenant' })
  @IsOptional()
  @IsIn(VISIBILITIES)
  visibility?: Visibility;

  @ApiPropertyOptional({ type: [String], maxItems: 100, description: 'User ids that may read a private search' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @Matches(USER_ID, { each: true, message: 'each user id must be 1–128 letters, digits or @ . _ : + -' })
  sharedWith?: string[];
}

export class ListSavedSearchesDto extends PageQueryDto {
  @ApiPropertyOptional({ description: "Only this owner's searches (that the caller may read)" })
  @IsOptional()
  @Matches(USER_ID)
  owner?: string;
}
