import { Inject, Injectable } from '@nestjs/common';
import { FieldProblem, parseQueryOrProblem, validationProblem } from '@cxm/platform-http';
import {
  AggregationRequest,
  AggregationTooLargeError,
  InvalidCursorError,
  MENTION_INDEX,
  MentionIndex,
  SEARCH_FIELD_NAMES,
  SearchResult,
  SearchSort,
} from '@cxm/platform-index';
import { AggregationRequestDto, SubAggregationDto } from './aggregation-request.dto';
import { DEFAULT_SEARCH_LIMIT } from './search-request.dto';

export interface SearchMentionsCommand {
  tenantId: string;
  query: string;
  /** The request field the query came in (`q` for GET, `query` for POST), for error messages. */
  queryField: string;
  sort?: SearchSort;
  limit?: number;
  cursor?: string;
  highlight?: boolean;
  aggregations?: AggregationRequestDto[];
}

/** One search: the query and every share-of-voice query parsed at one `now`, then one index call. */
@Injectable()
export class SearchMentions {
  constructor(@Inject(MENTION_INDEX) private readonly index: MentionIndex) {}

  async execute(command: SearchMentionsCommand): Promise<SearchResult> {
    const at = new Date();
    const options = { fields: SEARCH_FIELD_NAMES, now: () => at };
    const query = parseQueryOrProblem(command.query, options, command.queryField);
    const aggregations = command.aggregations && toRequests(command.aggregations, 'aggregations', (text, field) => parseQueryOrProblem(text, options, field));
    try {
      return await this.index.search(command.tenantId, query, {
        limit: command.limit ?? DEFAULT_SEARCH_LIMIT,
        cursor: command.cursor,
        sort: command.sort,
        highlight: command.highlight,
        aggregations,
      });
    } catch (error) {
      if (error instanceof InvalidCursorError) throw validationProblem([{ field: 'cursor', message: error.message }]);
      if (error instanceof AggregationTooLargeError) throw validationProblem([{ field: 'aggregations', message: error.message }]);
      throw error;
    }
  }
}

type ParseAt = (text: string, field: string) => ReturnType<typeof parseQueryOrProblem>;

/** Validated DTOs → index requests; names must be unique among siblings (they key the answer). */
function toRequests(dtos: readonly SubAggregationDto[], path: string, parse: ParseAt): AggregationRequest[] {
  const seen = new Set<string>();
  const duplicates: FieldProblem[] = [];
  dtos.forEach((dto, i) => {
    if (seen.has(dto.name)) duplicates.push({ field: `${path}.${i}.name`, message: `name "${dto.name}" is used twice at this level` });
    seen.add(dto.name);
  });
  if (duplicates.length) throw validationProblem(duplicates);
  return dtos.map((dto, i) => toRequest(dto, `${path}.${i}`, parse));
}

function toRequest(dto: SubAggregationDto & { aggregations?: SubAggregationDto[] }, path: string, parse: ParseAt): AggregationRequest {
  const aggregations = dto.aggregations && toRequests(dto.aggregations, `${path}.aggregations`, parse);
  const base = { name: dto.name, ...(aggregations ? { aggregations } : {}) };
  switch (dto.type) {
    case 'dateHistogram':
      return { ...base, type: 'dateHistogram', interval: dto.interval };
    case 'terms':
      return { ...base, type: 'terms', field: dto.field!, size: dto.size };
    case 'shareOfVoice':
      return { ...base, type: 'shareOfVoice', queries: dto.queries!.map((q, j) => ({ name: q.name, query: parse(q.query, `${path}.queries.${j}.query`) })) };
  }
}
