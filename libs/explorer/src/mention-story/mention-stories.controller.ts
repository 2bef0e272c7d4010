import { Controller, Get, Inject, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, notFoundProblem, Principal, RequestedTenant, TENANT_ACCESS, TenantAccess } from '@cxm/platform-http';
import { DOCUMENT_STORE, DocumentCollection, DocumentStore } from '@cxm/platform-store';
import { MENTION_STORIES, MentionStory } from './mention-story';

@ApiTags('mentions')
@Controller('v1/mentions')
export class MentionStoriesController {
  private readonly stories: DocumentCollection<MentionStory>;

  constructor(
    @Inject(DOCUMENT_STORE) store: DocumentStore,
    @Inject(TENANT_ACCESS) private readonly tenants: TenantAccess,
  ) {
    this.stories = store.collection<MentionStory>(MENTION_STORIES);
  }

  @Get(':id')
  @ApiOperation({ summary: 'The whole story of one mention: the mention, its classification, profile, case and replies with delivery status' })
  async get(@Param('id', ParseUUIDPipe) id: string, @CurrentPrincipal() principal: Principal, @RequestedTenant() tenant?: string): Promise<MentionStory> {
    const found = await this.stories.get(this.tenants.resolve(principal, tenant), id);
    if (!found?.doc.mention) throw notFoundProblem(`no mention ${id} (yet: a mention appears here moments after it is accepted)`);
    return found.doc;
  }
}
