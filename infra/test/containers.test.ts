/* eslint-disable @typescript-eslint/no-explicit-any -- rendered manifests and compose files are untyped YAML. */
// "Would it start?": every container of ours, in the rendered manifests of both overlays and in
// docker-compose.yml, started with exactly the environment it would get (ConfigMap keys, Secret keys with
// test values, the image's ENV) and its command (the manifest's, else the Dockerfile's CMD), against a
// real PostgreSQL. A Job must exit 0; a server must answer its readiness probe.
// Needs a running PostgreSQL (CI_PG_URL, set by .ci/lib.sh start_postgres) and the built backend (dist/).
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderOverlay, type K8sObject } from './support/k8s.ts';
import { startContainer, type ContainerSpec } from './support/container.ts';
import { repoRoot, runOk, which } from './support/tools.ts';

const backendDir = join(repoRoot, 'apps/backend');
const ourImage = /(^|\/)proyecto06-backend(:|@|$)/;
const pgUrl = process.env.CI_PG_URL;
const basePort = Number(process.env.CI_BACKEND_PORT ?? 18000) + 100;
let nextPort = basePort;

/** The runtime stage of the backend's Dockerfile: its ENV, WORKDIR and CMD (what an empty command runs). */
function dockerImage(): { env: Record<string, string>; cmd: string[]; workdir: string } {
  const text = readFileSync(join(backendDir, 'Dockerfile'), 'utf8').replace(/\\\n\s*/g, ' ');
  const runtime = text.slice(text.lastIndexOf('\nFROM '));
  const env: Record<string, string> = {};
  for (const [, line] of runtime.matchAll(/^ENV (.+)$/gm))
    for (const [, k, v] of line!.matchAll(/(\w+)=(\S+)/g)) env[k!] = v!;
  const workdirs = [...runtime.matchAll(/^WORKDIR (\S+)$/gm)].map((m) => m[1]!);
  const cmd = JSON.parse(/^CMD (\[.+\])$/m.exec(runtime)![1]!) as string[];
  return { env, cmd, workdir: workdirs.at(-1)! };
}

/** A fresh database on the CI server for each started container; its URL replaces the address of the database. */
function freshDatabase(name: string): string {
  const psql = which('psql');
  runOk(psql, [
    pgUrl!,
    '-q',
    '-c',
    `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`,
    '-c',
    `CREATE DATABASE ${name}`,
  ]);
  const url = new URL(pgUrl!);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * The test value of each Secret key the manifests may reference, as scripts/sync-secrets.sh would write it
 * (a key it does not write has no value here, and the container under test then fails to get it).
 */
function secretValues(databaseUrl: string): Record<string, Record<string, string>> {
  const url = new URL(databaseUrl);
  return {
    'backend-secrets': { DATABASE_URL: databaseUrl, JWT_SECRET: randomBytes(32).toString('hex') },
    'database-credentials': {
      POSTGRES_USER: decodeURIComponent(url.username),
      POSTGRES_PASSWORD: decodeURIComponent(url.password),
      POSTGRES_DB: url.pathname.slice(1),
    },
  };
}

/** The environment Kubernetes gives a container: image ENV, then envFrom, then env (later wins). */
export function kubernetesEnv(
  c: any,
  objs: K8sObject[],
  secrets: Record<string, Record<string, string>>,
  imageEnv: Record<string, string>,
): Record<string, string> {
  const configMap = (name: string): Record<string, string> => {
    const cm = objs.find((o) => o.kind === 'ConfigMap' && o.metadata.name === name);
    if (!cm) throw new Error(`ConfigMap ${name} is referenced but not rendered`);
    return cm.data ?? {};
  };
  const secret = (name: string): Record<string, string> => {
    const s = secrets[name];
    if (!s) throw new Error(`Secret ${name} is referenced but scripts/sync-secrets.sh does not write it`);
    return s;
  };
  const key = (from: Record<string, string>, k: string, where: string): string => {
    if (!(k in from)) throw new Error(`${where} has no key ${k}`);
    return from[k]!;
  };
  const env: Record<string, string> = { ...imageEnv };
  for (const from of c.envFrom ?? []) {
    if (from.configMapRef) Object.assign(env, configMap(from.configMapRef.name));
    if (from.secretRef) Object.assign(env, secret(from.secretRef.name));
  }
  for (const e of c.env ?? []) {
    const ref = e.valueFrom?.secretKeyRef ?? e.valueFrom?.configMapKeyRef;
    if (e.valueFrom?.secretKeyRef) env[e.name] = key(secret(ref.name), ref.key, `Secret ${ref.name}`);
    else if (e.valueFrom?.configMapKeyRef)
      env[e.name] = key(configMap(ref.name), ref.key, `ConfigMap ${ref.name}`);
    else if (e.valueFrom) throw new Error(`${c.name}: env ${e.name} uses a source this test does not know`);
    else env[e.name] = e.value ?? '';
  }
  return env;
}

type Case = { name: string; oneShot: boolean; spec: (databaseUrl: string) => ContainerSpec };

const image = dockerImage();
const workdir = (dir: string) => {
  expect(dir, 'the backend image runs from apps/backend').toBe('/app/apps/backend');
  return backendDir;
};

/** Every container of ours in a rendered overlay; Jobs first (they run before the servers in a deploy). */
function manifestCases(overlay: string): Case[] {
  const objs = renderOverlay(overlay);
  const cases: Case[] = [];
  for (const o of objs.filter((x) => ['Deployment', 'StatefulSet', 'Job', 'CronJob'].includes(x.kind))) {
    const pod = o.kind === 'CronJob' ? o.spec.jobTemplate.spec.template.spec : o.spec.template.spec;
    for (const c of [...(pod.initContainers ?? []), ...pod.containers].filter((x: any) =>
      ourImage.test(x.image),
    )) {
      const oneShot = ['Job', 'CronJob'].includes(o.kind) || (pod.initContainers ?? []).includes(c);
      cases.push({
        name: `${o.kind}/${o.metadata.name} container ${c.name}`,
        oneShot,
        spec: (databaseUrl) => {
          const port = nextPort++;
          const env = kubernetesEnv(c, objs, secretValues(databaseUrl), image.env);
          const probe = c.readinessProbe?.httpGet;
          const containerPort =
            c.ports?.find((p: any) => p.name === probe?.port)?.containerPort ?? probe?.port;
          if (!oneShot) {
            // The one substitution: the container's port becomes a free one of this machine.
            expect(String(containerPort), `${c.name} listens on its probe's port`).toBe(env.PORT);
            env.PORT = String(port);
          }
          return {
            // Kubernetes: command replaces the image's ENTRYPOINT (empty here), args its CMD.
            command: c.command ? [...c.command, ...(c.args ?? [])] : (c.args ?? image.cmd),
            cwd: workdir(c.workingDir ?? image.workdir),
            env,
            ready: oneShot ? undefined : { port, path: probe.path },
          };
        },
      });
    }
  }
  return cases.sort((a, b) => Number(b.oneShot) - Number(a.oneShot));
}

/** docker-compose.yml's services built from the backend image, with the file's defaults interpolated. */
function composeCases(): Case[] {
  const compose = parse(readFileSync(join(repoRoot, 'docker-compose.yml'), 'utf8'), { merge: true });
  // No .env and no variables set: every ${VAR:-default} takes its default, as a plain `up` would.
  const interpolate = (v: unknown) =>
    String(v).replace(/\$\{(\w+)(?::?-([^}]*))?\}/g, (_m, _name, fallback) => fallback ?? '');
  const cases: Case[] = [];
  for (const [name, svc] of Object.entries<any>(compose.services)) {
    if (!ourImage.test(interpolate(svc.image))) continue;
    const env = Array.isArray(svc.environment)
      ? Object.fromEntries(svc.environment.map((l: string) => l.split(/=(.*)/s).slice(0, 2)))
      : { ...svc.environment };
    const oneShot = svc.restart === 'no';
    cases.push({
      name: `compose service ${name}`,
      oneShot,
      spec: (databaseUrl) => {
        // Outside the compose network the database has another address: same role and password, test server.
        expect(new URL(interpolate(env.DATABASE_URL)).hostname, `${name} reaches the database service`).toBe(
          'database',
        );
        const port = nextPort++;
        const merged: Record<string, string> = {
          ...image.env,
          ...Object.fromEntries(Object.entries(env).map(([k, v]) => [k, interpolate(v)])),
          DATABASE_URL: databaseUrl,
        };
        const ready = oneShot
          ? undefined
          : /http:\/\/127\.0\.0\.1:(\d+)(\/[^'"]*)/.exec(svc.healthcheck.test.join(' '));
        if (ready) {
          expect(ready[1], `${name}'s health check uses its PORT`).toBe(merged.PORT);
          merged.PORT = String(port);
        }
        return {
          command: svc.command ?? image.cmd,
          cwd: workdir(image.workdir),
          env: merged,
          ready: ready ? { port, path: ready[2]! } : undefined,
        };
      },
    });
  }
  return cases.sort((a, b) => Number(b.oneShot) - Number(a.oneShot));
}

beforeAll(() => {
  if (!pgUrl) throw new Error('CI_PG_URL is not set: run .ci/suites/60-infra.sh (it starts PostgreSQL)');
  for (const f of ['dist/server.js', 'dist/migrate.js'])
    if (!existsSync(join(backendDir, f)))
      throw new Error(`apps/backend/${f} is missing: npm run build -w @proyecto06/backend`);
});

const groups: Record<string, () => Case[]> = {
  'overlays/eks': () => manifestCases('overlays/eks'),
  'overlays/local': () => manifestCases('overlays/local'),
  'docker-compose.yml': composeCases,
};

describe.each(Object.keys(groups))('%s', (group) => {
  const cases = groups[group]!();
  let databaseUrl = '';
  beforeAll(() => {
    databaseUrl = freshDatabase(`containers_${group.replace(/\W+/g, '_')}`);
  });

  it('has a one-shot migration and a server built from the backend image', () => {
    expect(cases.filter((c) => c.oneShot).length, cases.map((c) => c.name).join(', ')).toBeGreaterThan(0);
    expect(cases.filter((c) => !c.oneShot).length, cases.map((c) => c.name).join(', ')).toBeGreaterThan(0);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s starts with its own environment', async (_n, c) => {
    const outcome = await startContainer(c.spec(databaseUrl));
    expect(outcome.problem, outcome.output).toBeUndefined();
  });
});
