import { Injectable } from '@nestjs/common';
import type { Category } from '@redress/contracts';
import { TransactionRunner } from '@redress/persistence';

/** An investigator as the roster shows them: who they are and how many OPEN investigations they carry. */
export interface RosterEntry {
  id: string;
  name: string;
  email: string;
  categories: Category[];
  capacity: number;
  active: boolean;
  openInvestigations: number;
}

/** Reads the investigator roster with each member's current load. */
@Injectable()
export class InvestigatorRoster {
  constructor(private readonly transactions: TransactionRunner) {}

  list(): Promise<RosterEntry[]> {
    return this.transactions.manager.query(`
      SELECT r.id, r.name, r.email, r.categories, r.capacity, r.active,
             count(i.id)::int AS "openInvestigations"
        FROM investigators r
        LEFT JOIN investigations i ON i.assignee_id = r.id AND i.status = 'OPEN'
       GROUP BY r.id
       ORDER BY r.name, r.id`);
  }
}
