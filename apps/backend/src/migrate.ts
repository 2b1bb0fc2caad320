/**
 * `node dist/migrate.js`: applies pending migrations and exits. Compose runs it as a one-shot service and
 * Kubernetes as a Job once per release, so replicas never race each other on start-up. It reads only the
 * database settings: the Job has no JWT_SECRET (infra/test/containers.test.ts starts it as rendered).
 */
import { ConfigError, loadDatabaseConfig } from './config.js';
import { migrate, openDatabase } from './db/client.js';

try {
  const database = await openDatabase(loadDatabaseConfig());
  const started = Date.now();
  try {
    await migrate(database);
  } finally {
    await database.close();
  }
  console.log(
    JSON.stringify({
      level: 'info',
      msg: 'migrations applied',
      database: database.kind,
      ms: Date.now() - started,
    }),
  );
} catch (error) {
  const message =
    error instanceof ConfigError ? error.message : `migration failed: ${(error as Error).message}`;
  console.error(message);
  process.exitCode = 1;
}
