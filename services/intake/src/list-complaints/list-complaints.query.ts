import { Injectable } from '@nestjs/common';
import { Category, ComplaintStatus, Severity } from '@redress/contracts';
import { BadUserInput, input } from '@redress/errors';
import { TransactionRunner } from '@redress/persistence';
import { ComplaintEntity } from '../persistence/complaint.entity.js';
import { decodeCursor, encodeCursor } from './complaint-cursor.js';

export interface ComplaintFilter {
  status?: string[] | null;
  category?: string[] | null;
  severity?: string[] | null;
  escalated?: boolean | null;
  receivedFrom?: Date | null;
  receivedTo?: Date | null;
  search?: string | null;
}

const MAX_PAGE = 100;

/** `complaints(filter, first, after)`: newest first, keyset-paginated, every filter on an index. */
@Injectable()
export class ListComplaintsQuery {
  constructor(private readonly transactions: TransactionRunner) {}

  async execute(filter: ComplaintFilter = {}, first = 20, after?: string | null) {
    if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE) throw new BadUserInput('first', `must be between 0 and ${MAX_PAGE}`);
    const where = this.conditions(filter ?? {});
    const db = this.transactions.manager;
    const countQuery = db.createQueryBuilder(ComplaintEntity, 'c');
    where.forEach(([sql, params]) => countQuery.andWhere(sql, params));
    const pageQuery = countQuery.clone().orderBy('c.received_at', 'DESC').addOrderBy('c.id', 'DESC').take(first + 1);
    if (after) pageQuery.andWhere('(c.received_at, c.id) < (:afterAt, :afterId)', { afterAt: decodeCursor(after).receivedAt, afterId: decodeCursor(after).id });
    const [rows, totalCount] = await Promise.all([first ? pageQuery.getMany() : Promise.resolve([]), countQuery.getCount()]);
    const page = rows.slice(0, first);
    const edges = page.map((node) => ({ cursor: encodeCursor(node.receivedAt, node.id), node }));
    return {
      edges,
      totalCount,
      pageInfo: { hasNextPage: rows.length > first, hasPreviousPage: !!after, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
    };
  }

  private conditions(filter: ComplaintFilter): [string, Record<string, unknown>][] {
    const where: [string, Record<string, unknown>][] = [];
    if (filter.status?.length) where.push(['c.status IN (:...status)', { status: filter.status.map((s) => input.oneOf('filter.status', s, ComplaintStatus)) }]);
    if (filter.category?.length) where.push(['c.category IN (:...category)', { category: filter.category.map((s) => input.oneOf('filter.category', s, Category)) }]);
    if (filter.severity?.length) where.push(['c.severity IN (:...severity)', { severity: filter.severity.map((s) => input.oneOf('filter.severity', s, Severity)) }]);
    if (typeof filter.escalated === 'boolean') where.push(['c.escalated = :escalated', { escalated: filter.escalated }]);
    if (filter.receivedFrom) where.push(['c.received_at >= :from', { from: filter.receivedFrom }]);
    if (filter.receivedTo) where.push(['c.received_at < :to', { to: filter.receivedTo }]);
    const search = input.optional('filter.search', filter.search, 200);
    if (search) {
      where.push([
        `(c.reference = :reference OR c.search_vector @@ plainto_tsquery('simple', :search))`,
        { reference: search.toUpperCase(), search },
      ]);
    }
    return where;
  }
}
