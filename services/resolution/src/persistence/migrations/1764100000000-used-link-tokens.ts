import type { MigrationInterface, QueryRunner } from 'typeorm';

export class UsedLinkTokens1764100000000 implements MigrationInterface {
  name = 'UsedLinkTokens1764100000000';

  async up(db: QueryRunner): Promise<void> {
    // SPEC §5: a customer link works once; its id is recorded with what it was used for.
    await db.query(`
      CREATE TABLE used_link_tokens (
        token_id uuid PRIMARY KEY,
        purpose text NOT NULL CHECK (purpose IN ('RESPOND', 'FEEDBACK')),
        complaint_id uuid NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX used_link_tokens_expires_idx ON used_link_tokens (expires_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE used_link_tokens`);
  }
}
