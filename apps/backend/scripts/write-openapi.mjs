// Writes packages/contract/openapi.json from the route schemas (the committed copy CI checks for drift).
import { writeFileSync } from 'node:fs';
import { buildApp } from '../dist/app.js';
import { loadConfig } from '../dist/config.js';
import { openDatabase } from '../dist/db/client.js';

const config = loadConfig({ DATA_DIR: 'memory://', LOG_LEVEL: 'silent' });
const database = await openDatabase(config.database);
const app = await buildApp({ config, database });
await app.ready();
const target = new URL('../../../packages/contract/openapi.json', import.meta.url);
writeFileSync(target, JSON.stringify(app.swagger(), null, 2) + '\n');
await app.close();
console.log(`wrote ${target.pathname}`);
