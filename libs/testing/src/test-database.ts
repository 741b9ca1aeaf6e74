import pg from 'pg';

/** Drops a test database (closing its open connections first). Refuses any name not ending in `_test`. */
export async function dropDatabase(name: string, serverUrl = process.env.DATABASE_URL || 'postgres://postgres:postgres@localhost:5432'): Promise<void> {
  if (!/^[a-z0-9_]+_test$/.test(name)) throw new Error(`Refusing to drop "${name}": only *_test databases`);
  const url = new URL(serverUrl);
  url.pathname = '/postgres';
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
