import { ALERT_METRICS, ALERT_RULE_KINDS } from '@cxm/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsNumber, IsOptional, IsString, IsUrl, IsUUID, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { PageQueryDto } from '../common/page-query.dto';
import { AlertMetric, RuleKind } from './monitor';

export class CreateMonitorDto {
  @ApiPropertyOptional({ maxLength: 200, description: "Defaults to the saved search's name" })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  name?: string;

  @ApiProperty({ enum: ALERT_RULE_KINDS, description: '`threshold`: above `threshold` over the window; `anomaly`: above mean + sensitivity·stddev of the baseline windows' })
  @IsIn(ALERT_RULE_KINDS)
  rule!: RuleKind;

  @ApiPropertyOptional({ enum: ALERT_METRICS, default: 'volume', description: '`volume`: mentions per window; `negativeShare`: the share of them with negative sentiment (0–1)' })
  @IsOptional()
  @IsIn(ALERT_METRICS)
  metric?: AlertMetric;

  @ApiPropertyOptional({ description: 'threshold rule (required): a count for volume, a share from 0 to 1 for negativeShare' })
  @ValidateIf((o: CreateMonitorDto) => o.rule === 'threshold' || o.threshold !== undefined)
  @IsNumber()
  @Min(0)
  threshold?: number;

  @ApiPropertyOptional({ minimum: 0.5, maximum: 10, default: 3, description: 'anomaly rule: standard deviations above the baseline mean' })
  @IsOptional()
  @IsNumber()
  @Min(0.5)
  @Max(10)
  sensitivity?: number;

  @ApiPropertyOptional({ minimum: 3, maximum: 168, default: 12, description: 'anomaly rule: windows of history the baseline is made of' })
  @IsOptional()
  @IsInt()
  @Min(3)
  @Max(168)
  baselineWindows?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 1_000_000, default: 5, description: 'fewer mentions than this in the window never fire' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  minCount?: number;

  @ApiPropertyOptional({ minimum: 60, maximum: 86_400, default: 300 })
  @IsOptional()
  @IsInt()
  @Min(60)
  @Max(86_400)
  windowSeconds?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 604_800, default: 3_600, description: 'least time between two firings' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(604_800)
  cooldownSeconds?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 86_400, description: 'the condition must stay false this long before the monitor can fire again (default: one window)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(86_400)
  rearmAfterSeconds?: number;

  @ApiPropertyOptional({ description: "POST each alert here (else the tenant's CXM_ALERT_WEBHOOKS); never shown back, only its origin" })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false })
  @MaxLength(2_000)
  webhookUrl?: string;
}

export class ListMonitorsDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only the monitors of this saved search' })
  @IsOptional()
  @IsUUID()
  savedSearchId?: string;
}

export class ListAlertsDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only the alerts of this monitor' })
  @IsOptional()
  @IsUUID()
  monitorId?: string;
}
