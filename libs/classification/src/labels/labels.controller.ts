import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, notFoundProblem, Principal, RequestedTenant, TENANT_ACCESS, TenantAccess, validationProblem } from '@cxm/platform-http';
import { IntentLabelRecord } from '../tenant-model/intent-label';
import { RetrainOutcome, RetrainTenantModel } from '../tenant-model/retrain-tenant-model.usecase';
import { TenantModels } from '../tenant-model/tenant-models';
import { LabelMentionDto } from './label-mention.dto';
import { LabelMention } from './label-mention.usecase';

@ApiTags('classification')
@Controller('v1')
export class LabelsController {
  constructor(
    @Inject(TENANT_ACCESS) private readonly tenants: TenantAccess,
    private readonly labelMention: LabelMention,
    private readonly retrain: RetrainTenantModel,
    private readonly models: TenantModels,
  ) {}

  @Post('mentions/:id/labels')
  @HttpCode(201)
  @ApiOperation({ summary: "Correct a mention's intent or sentiment; the tenant's model learns from it in the background" })
  async label(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: LabelMentionDto,
    @CurrentPrincipal() principal: Principal,
    @RequestedTenant() tenant?: string,
  ): Promise<IntentLabelRecord> {
    if (!body.intent && !body.sentiment) throw validationProblem([{ field: 'intent', message: 'give an intent, a sentiment, or both' }]);
    const saved = await this.labelMention.execute(this.tenants.resolve(principal, tenant), id, body);
    if (!saved) throw notFoundProblem(`the classifier has not seen mention ${id}`);
    return saved;
  }

  @Get('classifier/intent-model')
  @ApiOperation({ summary: "The tenant's promoted intent model: version, accuracy on held-out labels, and what it replaced" })
  async model(@CurrentPrincipal() principal: Principal, @RequestedTenant() tenant?: string): Promise<Record<string, unknown>> {
    const current = await this.models.current(this.tenants.resolve(principal, tenant));
    if (!current) throw notFoundProblem('no tenant model yet: the rules classify this tenant');
    return current.record as unknown as Record<string, unknown>;
  }

  @Post('classifier/intent-model/retrain')
  @HttpCode(200)
  @ApiOperation({ summary: 'Retrain now (normally automatic after labels); promoted only if it beats the model in use' })
  retrainNow(@CurrentPrincipal() principal: Principal, @RequestedTenant() tenant?: string): Promise<RetrainOutcome> {
    return this.retrain.execute(this.tenants.resolve(principal, tenant));
  }
}
