/**
 * Builds the app and listens; on SIGTERM/SIGINT drains and exits. Options:
 *   --migrate   apply pending migrations before listening (the single-process `npm start` mode; the
 *               container's default command never does: compose and Kubernetes run `migrate` once).
 * The embedded database is always migrated: it belongs to this one process.
 */
import { buildApp } from './app.js';
import { ConfigError, DEV_JWT_SECRET, loadConfig } from './config.js';
import { migrate, openDatabase } from './db/client.js';
import { logOptions } from './logging.js';
import { stopListening } from './shutdown.js';

let config;
try {
  config = loadConfig();
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}

const logger = logOptions(config.logLevel);
const database = await openDatabase(config.database);
const app = await buildApp({ config, database, logger });

if (config.jwt.secret === DEV_JWT_SECRET) {
  app.log.warn('JWT_SECRET is the development default: fine on your machine, refused in production');
}
if (config.database.kind === 'embedded' || process.argv.includes('--migrate')) {
  const started = Date.now();
  await migrate(database);
  app.log.info({ database: database.kind, ms: Date.now() - started }, 'migrations applied');
}

// How long a connection accepted before the listener closed may take to send its request.
const IDLE_GRACE_MS = 1_000;

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  const { drainMs, timeoutMs } = config!.shutdown;
  app.log.info({ signal, drainMs }, 'shutting down: readiness now fails, draining');
  app.draining = true;
  const deadline = setTimeout(() => {
    app.log.error({ timeoutMs }, 'shutdown deadline passed with requests still open; exiting');
    process.exit(1);
  }, timeoutMs);
  deadline.unref();
  // Load balancers notice the failing readiness probe only after a while; keep serving until then.
  await new Promise((resolve) => setTimeout(resolve, drainMs));
  try {
    await stopListening(app.server, IDLE_GRACE_MS);
    await app.close(); // no connection left: closes the database (stopListening: why not at once)
    app.log.info('shut down cleanly');
    process.exit(0);
  } catch (error) {
    app.log.error({ err: error }, 'error while shutting down');
    process.exit(1);
  }
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));

try {
  const address = await app.listen({ host: config.host, port: config.port });
  app.log.info(
    { address, database: database.kind, frontend: config.frontendDist ?? null },
    'Conduit API listening',
  );
} catch (error) {
  app.log.fatal({ err: error }, 'could not start listening');
  await database.close();
  process.exit(1);
}
