import { Body, Controller, Headers, HttpCode, HttpStatus, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { deriveId } from '@cxm/contracts';
import { CurrentPrincipal, notFoundProblem, Principal, RequestedTenant, TENANT_ACCESS, TenantAccess, validationProblem } from '@cxm/platform-http';
import { DOCUMENT_STORE, DocumentCollection, DocumentStore } from '@cxm/platform-store';
import { randomUUID } from 'node:crypto';
import { REPLY_TARGETS, ReplyTarget } from '../reply-record';
import { AgentReplyDto } from './agent-reply.dto';
import { RequestReply } from './request-reply.usecase';

@ApiTags('cases')
@Controller('v1/cases/:caseId/replies')
export class RepliesController {
  private readonly targets: DocumentCollection<ReplyTarget>;

  constructor(
    @Inject(DOCUMENT_STORE) store: DocumentStore,
    @Inject(TENANT_ACCESS) private readonly tenants: TenantAccess,
    private readonly requestReply: RequestReply,
  ) {
    this.targets = store.collection<ReplyTarget>(REPLY_TARGETS);
  }

  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: "An agent's reply to the case's newest mention; delivered asynchronously (see GET /v1/mentions/{id})" })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Repeat a request with the same key to get the same reply, sent once' })
  @ApiAcceptedResponse({ description: '`{id, status}` of the reply' })
  async reply(
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @Body() body: AgentReplyDto,
    @CurrentPrincipal() principal: Principal,
    @RequestedTenant() requestedTenant?: string,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<{ id: string; status: string }> {
    const tenantId = this.tenants.resolve(principal, requestedTenant);
    if (idempotencyKey !== undefined && (idempotencyKey.length === 0 || idempotencyKey.length > 200)) {
      throw validationProblem([{ field: 'Idempotency-Key', message: 'must be 1 to 200 characters' }]);
    }
    const target = await this.targets.get(tenantId, caseId);
    if (!target) throw notFoundProblem(`no case ${caseId}`);
    const { doc } = target;
    const reply = await this.requestReply.execute(
      {
        id: idempotencyKey ? deriveId('agent-reply', tenantId, caseId, idempotencyKey) : randomUUID(),
        tenantId,
        caseId,
        mentionId: doc.lastMentionId,
        channel: doc.channel,
        conversationId: doc.conversationId,
        inReplyToExternalId: doc.lastExternalId,
        text: body.text,
        origin: 'agent',
      },
      doc.lastMentionId,
    );
    return { id: reply.id, status: reply.status };
  }
}
