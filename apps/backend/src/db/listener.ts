import type pg from 'pg';

export interface Subscriber {
  onNotice(payload: string): void;
  onLive(live: boolean): void;
}

/** How long a lost listening connection waits before it reconnects: doubling from 0.5 s up to 15 s. */
const relistenDelayMs = (attempt: number) => Math.min(500 * 2 ** attempt, 15_000);

/**
 * One listening connection per process, shared by every channel subscribed (each cache of the backend
 * listens on its own channel; a connection each would cost a database connection per cache and replica).
 * Opened with the first subscription and closed with the last. When it is lost every subscriber hears
 * `onLive(false)` (notices may be missed until it is back) and it reconnects with a growing delay; once it
 * listens on every channel again each subscriber hears `onLive(true)`.
 */
export function sharedListener(newClient: () => pg.Client) {
  const channels = new Map<string, Set<Subscriber>>();
  let client: pg.Client | undefined;
  /** Connected and listening on every channel in `channels`. */
  let live = false;
  let retry: NodeJS.Timeout | undefined;
  let failures = 0;

  const tell = (value: boolean) => {
    for (const subscribers of channels.values())
      for (const subscriber of subscribers) subscriber.onLive(value);
  };

  const connect = () => {
    const current = newClient();
    client = current;
    let lost = false;
    const lose = () => {
      if (lost || client !== current) return;
      lost = true;
      live = false;
      client = undefined;
      tell(false);
      void current.end().catch(() => undefined);
      retry = setTimeout(() => {
        retry = undefined;
        if (channels.size > 0) connect();
      }, relistenDelayMs(failures++));
      retry.unref();
    };
    current.on('error', lose);
    current.on('end', lose);
    current.on('notification', (message) => {
      for (const subscriber of channels.get(message.channel) ?? [])
        subscriber.onNotice(message.payload ?? '');
    });
    void (async () => {
      try {
        await current.connect();
        // A Map's iterator also visits channels subscribed while this loop awaits.
        for (const channel of channels.keys()) await current.query(`listen "${channel}"`);
        if (client !== current) return void current.end().catch(() => undefined);
        failures = 0;
        live = true;
        tell(true);
      } catch {
        lose();
      }
    })();
  };

  return (channel: string, subscriber: Subscriber): (() => Promise<void>) => {
    subscriber.onLive(false);
    const known = channels.get(channel);
    if (known) known.add(subscriber);
    else channels.set(channel, new Set([subscriber]));
    if (!client && !retry) connect();
    else if (live && client && !known) {
      // A new channel on a live connection: this subscriber is live once the server listens on it too.
      const current = client;
      current.query(`listen "${channel}"`).then(
        () => {
          if (client === current && live && channels.get(channel)?.has(subscriber)) subscriber.onLive(true);
        },
        () => undefined, // the connection's 'error' or 'end' reconnects and listens on every channel
      );
    } else if (live) subscriber.onLive(true);

    return async () => {
      const subscribers = channels.get(channel);
      if (!subscribers?.delete(subscriber)) return;
      if (subscribers.size > 0) return;
      channels.delete(channel);
      const current = client;
      if (channels.size > 0) {
        if (live) await current?.query(`unlisten "${channel}"`).catch(() => undefined);
        return;
      }
      client = undefined;
      live = false;
      clearTimeout(retry);
      retry = undefined;
      await current?.end().catch(() => undefined);
    };
  };
}
