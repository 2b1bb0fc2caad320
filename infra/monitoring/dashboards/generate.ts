// Writes the dashboards as JSON into generated/ (committed: Grafana, the compose provisioning and the
// Kubernetes ConfigMaps read these files). With --check, writes nothing and fails when a committed file
// differs from what the TypeScript produces (like the backend's openapi.json).
//
//   npm run monitoring:generate -w @proyecto06/infra (or monitoring:check)
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { conduitService } from './conduit-service.ts';
import { database } from './database.ts';
import { kubernetesWorkloads } from './kubernetes-workloads.ts';

export const dashboards = [conduitService, database, kubernetesWorkloads].map((builder) => builder.build());
export const generatedDir = join(dirname(fileURLToPath(import.meta.url)), 'generated');

const rendered = new Map(dashboards.map((d) => [`${d.uid}.json`, `${JSON.stringify(d, null, 2)}\n`]));

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const check = process.argv.includes('--check');
  const stale = readdirSync(generatedDir).filter((f) => f.endsWith('.json') && !rendered.has(f));
  const drifted = [...rendered].filter(
    ([file, json]) =>
      !existsSync(join(generatedDir, file)) || readFileSync(join(generatedDir, file), 'utf8') !== json,
  );
  if (check) {
    for (const [file] of drifted)
      console.error(
        `${file} differs from its TypeScript: run npm run monitoring:generate -w @proyecto06/infra`,
      );
    for (const file of stale) console.error(`${file} has no TypeScript source: delete it`);
    console.log(`${rendered.size} dashboards, ${drifted.length + stale.length} out of date`);
    process.exit(drifted.length + stale.length === 0 ? 0 : 1);
  }
  for (const [file, json] of drifted) writeFileSync(join(generatedDir, file), json);
  console.log(`${rendered.size} dashboards written to ${generatedDir} (${drifted.length} changed)`);
}
