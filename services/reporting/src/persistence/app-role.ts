import type { DataSource } from 'typeorm';

/**
 * What the login reporting runs as may do, table by table — nothing else. The event store and the audit
 * chain take INSERT and SELECT only, so not even a bug or an injected statement in the service can
 * rewrite history; the owner (DATABASE_URL's user) runs the migrations and owns every table.
 */
export const APP_ROLE_PRIVILEGES: Readonly<Record<string, readonly string[]>> = {
  event_store: ['SELECT', 'INSERT'],
  audit_chain: ['SELECT', 'INSERT'],
  audit_chain_head: ['SELECT', 'UPDATE'],
  complaint_facts: ['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE'],
  complaint_closures: ['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE'],
  metric_daily: ['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE'],
  quality_reviews: ['SELECT', 'INSERT'],
  trend_alerts: ['SELECT', 'INSERT'],
  improvement_actions: ['SELECT', 'INSERT', 'UPDATE'],
  inbox: ['SELECT', 'INSERT'],
  outbox: ['SELECT', 'INSERT', 'UPDATE', 'DELETE'],
  migrations: ['SELECT'],
};

export class UnsafeAppRoleError extends Error {}

/** Creates the login if missing (with the password of its URL, if any) and grants exactly APP_ROLE_PRIVILEGES. */
export async function grantAppRole(owner: DataSource, login: { user: string; password: string | null }): Promise<void> {
  await createRoleIfMissing(owner, login);
  await assertNotPrivileged(owner, login.user);
  const quoted = (await owner.query('SELECT quote_ident($1) AS role', [login.user]))[0].role as string;
  await owner.transaction(async (db) => {
    // Replicas starting together would otherwise update the same catalog rows at once ("tuple concurrently updated").
    await db.query(`SELECT pg_advisory_xact_lock(hashtext('redress.reporting.app-role'))`);
    await db.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${quoted}`);
    await db.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${quoted}`);
    for (const [table, privileges] of Object.entries(APP_ROLE_PRIVILEGES)) {
      await db.query(`GRANT ${privileges.join(', ')} ON TABLE ${table} TO ${quoted}`);
    }
  });
}

async function createRoleIfMissing(owner: DataSource, login: { user: string; password: string | null }): Promise<void> {
  const [{ exists }] = await owner.query('SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1) AS exists', [login.user]);
  if (exists) return;
  const [{ statement }] = await owner.query(
    `SELECT format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS NOINHERIT', $1::text)
       || CASE WHEN $2::text IS NULL THEN '' ELSE format(' PASSWORD %L', $2::text) END AS statement`,
    [login.user, login.password],
  );
  await owner.query(statement).catch((error: { code?: string }) => {
    if (error.code !== '42710' && error.code !== '23505') throw error; // another replica created it meanwhile
  });
}

/** A superuser, or a member of the tables' owner, could switch the append-only trigger off. */
async function assertNotPrivileged(owner: DataSource, user: string): Promise<void> {
  const [role] = await owner.query(
    `SELECT r.rolsuper AS super, r.rolbypassrls AS bypass, pg_has_role(r.rolname, t.tableowner, 'MEMBER') AS owns
       FROM pg_roles r, pg_tables t WHERE r.rolname = $1 AND t.schemaname = 'public' AND t.tablename = 'event_store'`,
    [user],
  );
  if (role.super || role.bypass || role.owns) {
    throw new UnsafeAppRoleError(`REPORTING_DATABASE_URL logs in as "${user}", which is a superuser or owns the event store; it must be a plain login`);
  }
}
