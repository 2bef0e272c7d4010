import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, notFoundProblem, parseQueryOrProblem, Principal, RequestedTenant, TENANT_ACCESS, TenantAccess, validationProblem } from '@cxm/platform-http';
import { DOCUMENT_STORE, DocumentCollection, DocumentStore, upsertDocument } from '@cxm/platform-store';
import { TAXONOMY_TOPICS, TaxonomyTopic, TOPIC_QUERY_FIELDS } from './topic';
import { TopicCatalog } from './topic-catalog';
import { PutTopicDto } from './topic.dto';

const TOPIC_NAME = /^[\p{L}\p{N}][\p{L}\p{N}_.-]{0,63}$/u;

@ApiTags('topics')
@Controller('v1/topics')
export class TopicsController {
  private readonly topics: DocumentCollection<TaxonomyTopic>;

  constructor(
    @Inject(DOCUMENT_STORE) store: DocumentStore,
    @Inject(TENANT_ACCESS) private readonly tenants: TenantAccess,
    private readonly catalog: TopicCatalog,
  ) {
    this.topics = store.collection<TaxonomyTopic>(TAXONOMY_TOPICS);
  }

  @Get()
  @ApiOperation({ summary: "The tenant's topic taxonomy" })
  async list(@CurrentPrincipal() principal: Principal, @RequestedTenant() tenant?: string): Promise<{ items: TaxonomyTopic[] }> {
    return { items: await this.catalog.list(this.tenants.resolve(principal, tenant)) };
  }

  @Put(':name')
  @ApiOperation({ summary: 'Create or replace a topic; new mentions are tagged with it from now on (POST /v1/reprocess re-tags the past)' })
  async put(@Param('name') name: string, @Body() body: PutTopicDto, @CurrentPrincipal() principal: Principal, @RequestedTenant() tenant?: string): Promise<TaxonomyTopic> {
    const tenantId = this.tenants.resolve(principal, tenant);
    if (!TOPIC_NAME.test(name)) throw validationProblem([{ field: 'name', message: 'a topic name is 1–64 letters, digits, "_", "." or "-", starting with a letter or digit' }]);
    parseQueryOrProblem(body.query, { fields: TOPIC_QUERY_FIELDS }, 'query');
    const topic: TaxonomyTopic = { id: name, tenantId, query: body.query, description: body.description, updatedAt: new Date().toISOString() };
    // (Re)creating clears a removal: the replacement has no removedAt.
    await upsertDocument(this.topics, tenantId, name, () => topic);
    this.catalog.forget(tenantId);
    return topic;
  }

  @Delete(':name')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a topic from the taxonomy' })
  async remove(@Param('name') name: string, @CurrentPrincipal() principal: Principal, @RequestedTenant() tenant?: string): Promise<void> {
    const tenantId = this.tenants.resolve(principal, tenant);
    const current = await this.topics.get(tenantId, name);
    if (!current || current.doc.removedAt) throw notFoundProblem(`no topic ${name}`);
    const now = new Date().toISOString();
    await this.topics.replace({ ...current.doc, updatedAt: now, removedAt: now }, current.version);
    this.catalog.forget(tenantId);
  }
}
