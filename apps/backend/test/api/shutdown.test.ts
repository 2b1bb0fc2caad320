import { spawn } from 'node:child_process';
import { once } from 'node:events';
import http from 'node:http';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, onTestFinished } from 'vitest';
import { TEST_SECRET } from '../helpers.js';

const server = fileURLToPath(new URL('../../dist/server.js', import.meta.url));

describe('graceful shutdown of the real server process', () => {
  // A generous bound, not a timed assertion: the child boots its own database, slowly on a busy machine.
  it('on SIGTERM fails readiness, keeps serving through the drain, then exits 0', async () => {
    const child = spawn(process.execPath, [server], {
      env: {
        ...process.env,
        NODE_ENV: 'production',
        JWT_SECRET: TEST_SECRET,
        PORT: '0',
        DATABASE_URL: process.env.TEST_DATABASE_URL ?? '',
        DATA_DIR: 'memory://',
        SHUTDOWN_DRAIN_MS: '1500',
        SHUTDOWN_TIMEOUT_MS: '10000',
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // Should an expectation fail midway, the child must not outlive the test run.
    onTestFinished(() => {
      if (child.exitCode === null) child.kill('SIGKILL');
    });
    let output = '';
    const address = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /"address":"(http:\/\/[^"]+)"/.exec(output);
        if (match) resolve(match[1]!);
      });
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.on('exit', (code) => reject(new Error(`server exited early (${code}): ${output}`)));
    });
    expect((await fetch(`${address}/health/ready`)).status).toBe(200);

    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await fetch(`${address}/health/ready`)).status).toBe(503);
    // Still served, but on a connection the server closes after the response (nginx reconnects elsewhere).
    const during = await get(`${address}/api/tags`);
    expect(during).toEqual({ status: 200, connection: 'close' });

    // A proxy's connection opened just before the listener closes, its request written just after: the
    // request is served, not reset (nginx would answer a reset POST with 502, never replaying it).
    const { hostname, port } = new URL(address);
    const late = net.connect(Number(port), hostname);
    await once(late, 'connect');
    await until(async () => !(await accepts(Number(port), hostname)));
    late.write('GET /api/tags HTTP/1.1\r\nHost: proxy\r\n\r\n');
    const answer = await readAll(late);
    expect(answer).toMatch(/^HTTP\/1\.1 200 /);
    expect(answer.toLowerCase()).toContain('connection: close');

    const [code] = await exited;
    expect(code).toBe(0);
    expect(output).toMatch(/shut down cleanly/);
    await expect(fetch(`${address}/health/live`)).rejects.toThrow();
  }, 90_000);

  it('refuses to start in production with the default secret, saying why', async () => {
    const child = spawn(process.execPath, [server], {
      env: { ...process.env, NODE_ENV: 'production', JWT_SECRET: '', PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [code] = await once(child, 'exit');
    expect(code).toBe(1);
    expect(stderr).toMatch(/JWT_SECRET: must be set to a secret of your own in production/);
  });
});

/** Whether a new TCP connection to the port is accepted (false once the server stopped listening). */
function accepts(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, host);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function until(check: () => Promise<boolean>): Promise<void> {
  while (!(await check())) await new Promise((resolve) => setTimeout(resolve, 20));
}

/** Everything the server sends on a socket until it closes it (a reset rejects). */
function readAll(socket: net.Socket): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    socket.on('data', (chunk: Buffer) => (text += chunk.toString()));
    socket.once('error', reject);
    socket.once('close', () => resolve(text));
  });
}

/** A keep-alive GET with node:http (fetch hides the Connection header). */
function get(url: string): Promise<{ status: number | undefined; connection: string | undefined }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent: new http.Agent({ keepAlive: true }) }, (response) => {
        response.resume();
        response.on('end', () =>
          resolve({ status: response.statusCode, connection: response.headers.connection }),
        );
      })
      .on('error', reject);
  });
}
