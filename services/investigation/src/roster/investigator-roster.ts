import { Injectable } from '@nestjs/common';
import type { Category } from '@redress/contracts';
import { BadUserInput } from '@redress/errors';
import { TransactionRunner } from '@redress/persistence';
import type { InvestigatorProfile } from './investigator-profile.js';

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

const WITH_LOAD = `
  SELECT r.id, r.name, r.email, r.categories, r.capacity, r.active,
         (SELECT count(*)::int FROM investigations i WHERE i.assignee_id = r.id AND i.status = 'OPEN') AS "openInvestigations"
    FROM investigators r`;

/** The investigator roster: who investigates which categories, and how busy they are. */
@Injectable()
export class InvestigatorRoster {
  constructor(private readonly transactions: TransactionRunner) {}

  list(): Promise<RosterEntry[]> {
    return this.transactions.manager.query(`${WITH_LOAD} ORDER BY r.name, r.id`);
  }

  async get(id: string): Promise<RosterEntry | null> {
    const [entry] = await this.transactions.manager.query(`${WITH_LOAD} WHERE r.id = $1`, [id]);
    return entry ?? null;
  }

  /** Adds the staff member to the roster or updates them; their open investigations stay theirs. */
  async upsert(profile: InvestigatorProfile): Promise<RosterEntry> {
    await this.transactions.run((db) =>
      db.query(
        `INSERT INTO investigators (id, name, email, categories, capacity, active) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, email = EXCLUDED.email, categories = EXCLUDED.categories,
           capacity = EXCLUDED.capacity, active = EXCLUDED.active, updated_at = now()`,
        [profile.id, profile.name, profile.email, profile.categories, profile.capacity, profile.active],
      ),
    );
    return (await this.get(profile.id))!;
  }

  /** An explicit assignee must be on the roster and active (BAD_USER_INPUT naming `field` otherwise). */
  async requireActive(id: string, field: string): Promise<RosterEntry> {
    const entry = await this.get(id);
    if (!entry?.active) throw new BadUserInput(field, 'must be an active investigator on the roster');
    return entry;
  }
}
