import { spawn } from 'node:child_process';
import { once } from 'node:events';
import net from 'node:net';
import { describe, expect, it, onTestFinished } from 'vitest';
import { acceptQueue } from '../../src/shutdown.js';

describe.runIf(process.platform === 'linux')('acceptQueue (what stopListening waits on)', () => {
  it('counts the connections the kernel completed that the process has not accepted yet', async () => {
    // A listener whose event loop is blocked: connections complete in the kernel and wait there.
    const child = spawn(
      process.execPath,
      [
        '-e',
        `const s = require('node:net').createServer().listen(0, '127.0.0.1', () => {
           console.log(s.address().port);
           setTimeout(() => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 30000), 50);
         });`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    onTestFinished(() => void child.kill('SIGKILL'));
    const [chunk] = (await once(child.stdout, 'data')) as [Buffer];
    const port = Number(chunk.toString().trim());
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(acceptQueue(port)).toBe(0);

    const sockets = await Promise.all(
      [1, 2, 3].map(async () => {
        const socket = net.connect(port, '127.0.0.1');
        await once(socket, 'connect');
        return socket;
      }),
    );
    onTestFinished(() => sockets.forEach((s) => s.destroy()));
    expect(acceptQueue(port)).toBe(3);
    expect(acceptQueue(1)).toBeUndefined();
  });
});
