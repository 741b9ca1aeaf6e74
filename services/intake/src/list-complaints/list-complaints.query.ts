import { Injectable } from '@nestjs/common';
import { Category, ComplaintStatus, Severity } from '@redress/contracts';
import { BadUserInput, input } from '@redress/errors';
import { TransactionRunner } from '@redress/persistence';
import { ComplaintEntity } from '../persistence/complaint.entity.js';
import { decodeCursor, encodeCursor } from './complaint-cursor.js';
import { complaintSearch } from './complaint-search.js';

export interface ComplaintFilter {
  status?: string[] | null;
  category?: string[] | null;
  severity?: string[] | null;
  escalated?: boolean | null;
  receivedFrom?: Date | null;
  receivedTo?: Date | null;
  search?: string | null;
}

type Condition = [sql: string, params: Record<string, unknown>];

const MAX_PAGE = 100;
const SEARCH_LIMIT = 200;

/**
 * `complaints(filter, first, after)`: newest first, keyset-paginated on (received_at, id) so pages stay
 * stable while complaints arrive, every filter served by an index (migrations name which).
 */
@Injectable()
export class ListComplaintsQuery {
  constructor(private readonly transactions: TransactionRunner) {}

  async execute(filter: ComplaintFilter = {}, first = 20, after?: string | null) {
    if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE) throw new BadUserInput('first', `must be between 0 and ${MAX_PAGE}`);
    const position = after ? decodeCursor(after) : null;
    const countQuery = this.transactions.manager.createQueryBuilder(ComplaintEntity, 'c');
    for (const [sql, params] of conditions(filter ?? {})) countQuery.andWhere(sql, params);
    const pageQuery = countQuery.clone().orderBy('c.received_at', 'DESC').addOrderBy('c.id', 'DESC').take(first + 1);
    if (position) pageQuery.andWhere('(c.received_at, c.id) < (:afterAt, :afterId)', { afterAt: position.receivedAt, afterId: position.id });
    // count(*) rather than getCount(), whose COUNT(DISTINCT id) sorts every match.
    const counted = countQuery.select('count(*)::int', 'total').getRawOne<{ total: number }>();
    const [rows, count] = await Promise.all([first ? pageQuery.getMany() : Promise.resolve([]), counted]);
    const totalCount = count?.total ?? 0;
    const edges = rows.slice(0, first).map((node) => ({ cursor: encodeCursor(node.receivedAt, node.id), node }));
    return {
      edges,
      totalCount,
      pageInfo: { hasNextPage: rows.length > first, hasPreviousPage: !!after, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
    };
  }
}

function conditions(filter: ComplaintFilter): Condition[] {
  const where: Condition[] = [];
  if (filter.status?.length) where.push(['c.status IN (:...status)', { status: filter.status.map((s) => input.oneOf('filter.status', s, ComplaintStatus)) }]);
  if (filter.category?.length) where.push(['c.category IN (:...category)', { category: filter.category.map((s) => input.oneOf('filter.category', s, Category)) }]);
  if (filter.severity?.length) where.push(['c.severity IN (:...severity)', { severity: filter.severity.map((s) => input.oneOf('filter.severity', s, Severity)) }]);
  if (typeof filter.escalated === 'boolean') where.push(['c.escalated = :escalated', { escalated: filter.escalated }]);
  if (filter.receivedFrom) where.push(['c.received_at >= :from', { from: filter.receivedFrom }]);
  if (filter.receivedTo) where.push(['c.received_at < :to', { to: filter.receivedTo }]);
  if (filter.receivedFrom && filter.receivedTo && filter.receivedFrom > filter.receivedTo) {
    throw new BadUserInput('filter.receivedTo', 'must not be before filter.receivedFrom');
  }
  const text = input.optional('filter.search', filter.search, SEARCH_LIMIT);
  if (text) where.push(searchCondition(text));
  return where;
}

/**
 * Reference, subject, description, customer name and email. The customers matching become an array
 * first (an InitPlan), so PostgreSQL ORs three index scans instead of testing a subquery per complaint.
 */
function searchCondition(text: string): Condition {
  const { reference, prefixQuery } = complaintSearch(text);
  if (!prefixQuery) return ['c.reference = :reference', { reference }];
  return [
    `(c.reference = :reference
      OR c.search_vector @@ to_tsquery('simple', :prefixQuery)
      OR c.customer_id = ANY(ARRAY(SELECT u.id FROM customers u WHERE u.search_vector @@ to_tsquery('simple', :prefixQuery))))`,
    { reference, prefixQuery },
  ];
}
