/**
 * How the server stops listening at the end of its drain without failing a request a proxy has already
 * sent. Two ways to lose one, both seen as nginx 502/503 on a POST during a rolling restart (nginx never
 * replays a POST it has sent, rightly):
 * - `http.Server#close` (what `app.close()` calls) answers 503 to requests arriving on connections
 *   accepted before it, and destroys those without a request yet. Here they are served.
 * - Linux resets every connection still waiting in the listening socket's accept queue when it closes:
 *   connections the kernel completed, and the proxy already wrote its request on, that the busy event
 *   loop had not accepted yet. Here the listener closes only once that queue is seen empty, which leaves
 *   a window of microseconds instead of an event loop turn.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import type { Server } from 'node:http';
import net, { type AddressInfo } from 'node:net';

/**
 * Connections waiting in the accept queue of the socket listening on `port` (Linux: /proc/net/tcp's
 * rx_queue of a LISTEN socket), or undefined where that cannot be read.
 */
export function acceptQueue(port: number): number | undefined {
  const local = `:${port.toString(16).toUpperCase().padStart(4, '0')}`;
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text: string;
    try {
      // Listening sockets come first: the first page holds them, and one short read is fast.
      const fd = openSync(file, 'r');
      const buffer = Buffer.alloc(16_384);
      text = buffer.toString('latin1', 0, readSync(fd, buffer));
      closeSync(fd);
    } catch {
      return undefined;
    }
    for (const line of text.split('\n')) {
      // sl local_address rem_address st tx_queue:rx_queue ...; st 0A is LISTEN.
      const [, localAddress, , st, queues] = line.trim().split(/\s+/);
      if (st === '0A' && localAddress?.endsWith(local) && queues)
        return parseInt(queues.split(':')[1] ?? '0', 16);
    }
  }
  return undefined;
}

/** Event loop turns to wait for an empty accept queue before closing anyway. */
const MAX_WAIT_TURNS = 1_000;

/**
 * Stops accepting connections and resolves once every accepted one has ended: `net.Server#close`, the
 * accept queue empty first. A connection accepted before gets its request served (while draining, with
 * `Connection: close`); one still silent after `graceMs` is closed.
 */
export function stopListening(server: Server, graceMs: number): Promise<void> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve) => {
    let turns = 0;
    const close = () => {
      // The event loop accepts what is queued before it runs setImmediate callbacks again.
      if ((acceptQueue(port) ?? 0) > 0 && (turns += 1) < MAX_WAIT_TURNS) return void setImmediate(close);
      net.Server.prototype.close.call(server, () => resolve());
      setTimeout(() => server.closeIdleConnections(), graceMs).unref();
    };
    close();
  });
}
