// Bounded load through nginx with autocannon (in this process, so that writes can be followed: every
// 201 is remembered and later read back). Each load runs until stopped, or its duration (≤ 60 s).
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import { nginxUrl } from './stack.ts';

export interface Counts {
  requests: number;
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  codes: Record<string, number>;
  rps: number;
  p99: number;
}

export interface Load {
  /** Stops the load and resolves with its counts. */
  stop(): Promise<Counts>;
  /** Slugs of the articles whose creation was acknowledged with 201. */
  acknowledged: string[];
  /** One response body per status code that is not 2xx, to check the error envelope. */
  bodies: Map<number, string>;
}

const MAX_SECONDS = 60;

function start(
  options: autocannon.Options,
  acknowledged: string[] = [],
  bodies = new Map<number, string>(),
): Load {
  let settle: (result: autocannon.Result) => void = () => undefined;
  let fail: (error: Error) => void = () => undefined;
  const finished = new Promise<autocannon.Result>((resolve, reject) => {
    settle = resolve;
    fail = reject;
  });
  const instance = autocannon({ duration: MAX_SECONDS, ...options }, (error, result) =>
    error ? fail(error) : settle(result),
  );
  return {
    acknowledged,
    bodies,
    async stop() {
      instance.stop();
      const r = await finished;
      const codes = Object.fromEntries(
        Object.entries(r.statusCodeStats ?? {}).map(([code, stat]) => [code, stat.count ?? 0]),
      );
      return {
        requests: r.requests.total,
        ok: r['2xx'],
        non2xx: r.non2xx,
        errors: r.errors,
        timeouts: r.timeouts,
        codes,
        rps: Math.round(r.requests.average),
        p99: r.latency.p99,
      };
    },
  };
}

/** GETs of the article list and the tags, as the home page makes them. */
export function readLoad(connections = 8, timeoutSeconds = 15): Load {
  return start({
    url: nginxUrl,
    connections,
    timeout: timeoutSeconds,
    requests: [
      { method: 'GET', path: '/api/articles?limit=10' },
      { method: 'GET', path: '/api/tags' },
    ],
  });
}

/** Article creations, each with a title of its own; `stop()` after which `acknowledged` is complete. */
export function writeLoad(token: string, connections = 4, timeoutSeconds = 15): Load {
  const acknowledged: string[] = [];
  const bodies = new Map<number, string>();
  return start(
    {
      url: nginxUrl,
      connections,
      timeout: timeoutSeconds,
      requests: [
        {
          method: 'POST',
          path: '/api/articles',
          headers: { 'content-type': 'application/json', authorization: `Token ${token}` },
          setupRequest: (request) => ({
            ...request,
            body: JSON.stringify({
              article: {
                title: `resilience ${randomUUID()}`,
                description: 'written under load',
                body: 'Acknowledged writes must survive.',
                tagList: ['resilience'],
              },
            }),
          }),
          onResponse: (status, body) => {
            if (status === 201) {
              const slug = (JSON.parse(body) as { article?: { slug?: string } }).article?.slug;
              if (slug) acknowledged.push(slug);
            } else if (!bodies.has(status)) {
              bodies.set(status, body);
            }
          },
        },
      ],
    },
    acknowledged,
    bodies,
  );
}

export function merge(a: Counts, b: Counts): Counts {
  const codes = { ...a.codes };
  for (const [code, n] of Object.entries(b.codes)) codes[code] = (codes[code] ?? 0) + n;
  return {
    requests: a.requests + b.requests,
    ok: a.ok + b.ok,
    non2xx: a.non2xx + b.non2xx,
    errors: a.errors + b.errors,
    timeouts: a.timeouts + b.timeouts,
    codes,
    rps: a.rps + b.rps,
    p99: Math.max(a.p99, b.p99),
  };
}

/** A user of its own for the write load (registration is rate-limited per client address). */
export async function registerUser(name: string): Promise<string> {
  const response = await fetch(`${nginxUrl}/api/users`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      user: { username: name, email: `${name}@example.com`, password: 'resilience-password' },
    }),
  });
  const body = (await response.json()) as { user?: { token?: string } };
  if (response.status !== 201 || !body.user?.token)
    throw new Error(`register ${name}: HTTP ${response.status}`);
  return body.user.token;
}
