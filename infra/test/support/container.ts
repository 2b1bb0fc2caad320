// Starts a container's command as a local process with exactly the given environment (nothing inherited
// from the test runner), and reports whether it did what its kind must: exit 0 (a one-shot Job or
// migration) or answer its readiness probe (a server, which is then stopped with SIGTERM).
import { spawn } from 'node:child_process';

export type ContainerSpec = {
  command: string[];
  cwd: string;
  env: Record<string, string>;
  /** A server: its readiness probe. Absent: a one-shot that must exit 0. */
  ready?: { port: number; path: string };
};

export type Outcome = { problem?: string; output: string };

// Upper bounds, not expectations: a healthy start takes a second or two.
const ONE_SHOT_LIMIT_MS = 120_000;
const READY_LIMIT_MS = 60_000;

export async function startContainer(spec: ContainerSpec): Promise<Outcome> {
  const [cmd, ...args] = spec.command;
  // The image's `node` is this Node (24); no PATH lookup through the runner's environment.
  const child = spawn(cmd === 'node' ? process.execPath : cmd!, args, {
    cwd: spec.cwd,
    env: spec.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const label = `${spec.command.join(' ')} (env: ${Object.keys(spec.env).sort().join(', ')})`;

  if (!spec.ready) {
    const code = await Promise.race([exited, sleep(ONE_SHOT_LIMIT_MS).then(() => 'running' as const)]);
    if (code === 'running') child.kill('SIGKILL');
    return {
      problem:
        code === 0 ? undefined : `${label} ${code === 'running' ? 'did not finish' : `exited ${code}`}`,
      output,
    };
  }

  const url = `http://127.0.0.1:${spec.ready.port}${spec.ready.path}`;
  const deadline = Date.now() + READY_LIMIT_MS;
  let problem: string | undefined = `${label} never answered ${url} with 200`;
  let stopped = false;
  void exited.then(() => (stopped = true));
  while (!stopped && Date.now() < deadline) {
    const status = await fetch(url).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) {
      problem = undefined;
      break;
    }
    await sleep(250);
  }
  if (stopped) problem = `${label} exited before it was ready`;
  child.kill('SIGTERM');
  const code = await Promise.race([exited, sleep(30_000).then(() => 'hung' as const)]);
  if (code === 'hung') child.kill('SIGKILL');
  return { problem, output };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
