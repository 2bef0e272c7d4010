import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray } from 'class-validator';
import { CanonicalMention } from '@cxm/contracts';

export class FieldProblemDto {
  @ApiProperty({ example: 'author.id' }) field!: string;
  @ApiProperty({ example: 'id should not be empty' }) message!: string;
}

/** The hard ceiling of items per batch; the configured one (`CXM_INGEST_BATCH_MAX_ITEMS`) may be lower. */
export const BATCH_ITEMS_CEILING = 10_000;

export class MentionBatch {
  @ApiProperty({ type: () => [CanonicalMention], description: 'Canonical mentions; each is validated and answered on its own' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(BATCH_ITEMS_CEILING) items!: unknown[];
}

export class BatchItemResult {
  @ApiProperty({ description: 'Position of the item in `items`' }) index!: number;
  @ApiProperty({ description: '202 accepted (or edited), 200 duplicate, 400 invalid, 403 tenant not allowed, 503 overloaded (retry it), 500 failed (retry it)' })
  status!: number;
  @ApiPropertyOptional() id?: string;
  @ApiPropertyOptional() duplicate?: boolean;
  @ApiPropertyOptional() edited?: boolean;
  @ApiPropertyOptional() detail?: string;
  @ApiPropertyOptional({ type: () => [FieldProblemDto] }) errors?: FieldProblemDto[];
}

export class BatchResult {
  @ApiProperty({ type: () => [BatchItemResult] }) items!: BatchItemResult[];
  @ApiProperty() accepted!: number;
  @ApiProperty() edited!: number;
  @ApiProperty() duplicates!: number;
  @ApiProperty({ description: 'Items answered 4xx: fix them, do not resend as they are' }) rejected!: number;
  @ApiProperty({ description: 'Items answered 5xx: nothing stored, resend them' }) failed!: number;
}
