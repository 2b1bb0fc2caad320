/**
 * With TEST_DATABASE_URL, the integration tests share that real PostgreSQL: it is emptied and migrated
 * once here, before any test file runs (files run in parallel, so they must not race on migrations).
 * Without it, each test file gets its own in-memory embedded database.
 */
import { dropEverything, migrate, openDatabase } from '../src/db/client.js';

export default async function setup() {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return;
  const database = await openDatabase({
    kind: 'postgres',
    url,
    poolMax: 1,
    statementTimeoutMs: 0,
    connectTimeoutMs: 5_000,
  });
  try {
    await dropEverything(database);
    await migrate(database);
  } finally {
    await database.close();
  }
}
