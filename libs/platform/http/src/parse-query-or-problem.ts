import { parseQuery, ParseQueryOptions, QueryNode, QuerySyntaxError } from '@cxm/query';
import { ProblemException } from './problem-details';

/**
 * Parses a query from a request, answering a syntax error as a 400 problem with the position and
 * what was expected — the one mapping every route that takes a query (search, topics, reprocess) uses.
 */
export function parseQueryOrProblem(input: string, options: ParseQueryOptions, field: string): QueryNode {
  try {
    return parseQuery(input, options);
  } catch (error) {
    if (!(error instanceof QuerySyntaxError)) throw error;
    throw new ProblemException({
      type: '/problems/query-syntax-error',
      title: 'Query syntax error',
      status: 400,
      detail: error.message,
      position: error.position,
      expected: error.expected,
      errors: [{ field, message: error.message }],
    });
  }
}
