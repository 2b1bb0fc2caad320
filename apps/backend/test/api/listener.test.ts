// The process's one listening connection (db/listener.ts), on the real PostgreSQL: every channel shares
// it, notices reach each channel's subscribers, and it comes back after it is lost.
import pg from 'pg';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { sharedListener, type Subscriber } from '../../src/db/listener.js';
import { eventually, uid } from '../helpers.js';

const url = process.env.TEST_DATABASE_URL;

describe.runIf(url)('the shared listening connection', () => {
  const admin = new pg.Pool({ connectionString: url, max: 1 });
  const stops: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const stop of stops.splice(0)) await stop();
  });
  afterAll(() => admin.end());

  const connections = async (name: string) =>
    (await admin.query('select pid from pg_stat_activity where application_name = $1', [name])).rowCount;

  /** A subscriber that records what it hears. */
  const recorder = () => {
    const heard = { notices: [] as string[], live: [] as boolean[] };
    const subscriber: Subscriber = {
      onNotice: (payload) => heard.notices.push(payload),
      onLive: (live) => heard.live.push(live),
    };
    return { heard, subscriber };
  };

  it('is one connection for every channel, and each channel hears only its own notices', async () => {
    const name = uid('listen');
    const subscribe = sharedListener(() => new pg.Client({ connectionString: url, application_name: name }));
    const first = recorder();
    const second = recorder();
    const sameChannel = recorder();
    stops.push(subscribe(`${name}_a`, first.subscriber));
    await eventually(async () => first.heard.live.at(-1) === true, 'the first subscriber is live');
    // Channels subscribed on a live connection are listened for on that same connection.
    stops.push(subscribe(`${name}_b`, second.subscriber));
    stops.push(subscribe(`${name}_a`, sameChannel.subscriber));
    await eventually(async () => second.heard.live.at(-1) === true, 'the second subscriber is live');
    expect(sameChannel.heard.live).toEqual([false, true]);
    expect(await connections(name)).toBe(1);

    await admin.query(`select pg_notify($1, 'to a'), pg_notify($2, 'to b')`, [`${name}_a`, `${name}_b`]);
    await eventually(async () => second.heard.notices.length === 1, 'the notice on b');
    await eventually(async () => sameChannel.heard.notices.length === 1, 'the notice on a');
    expect([first.heard.notices, sameChannel.heard.notices, second.heard.notices]).toEqual([
      ['to a'],
      ['to a'],
      ['to b'],
    ]);
  });

  it('tells every subscriber when it is lost, and listens on every channel again when it is back', async () => {
    const name = uid('listen');
    const subscribe = sharedListener(() => new pg.Client({ connectionString: url, application_name: name }));
    const a = recorder();
    const b = recorder();
    stops.push(subscribe(`${name}_a`, a.subscriber), subscribe(`${name}_b`, b.subscriber));
    await eventually(async () => a.heard.live.at(-1) === true && b.heard.live.at(-1) === true, 'both live');
    await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1', [
      name,
    ]);
    await eventually(
      async () => a.heard.live.includes(false, 1) && b.heard.live.includes(false, 1),
      'both lost',
    );
    await eventually(async () => a.heard.live.at(-1) === true && b.heard.live.at(-1) === true, 'both back');
    expect(await connections(name)).toBe(1);
    await admin.query(`select pg_notify($1, 'again')`, [`${name}_b`]);
    await eventually(async () => b.heard.notices.length === 1, 'a notice after the reconnection');
    expect(a.heard.notices).toEqual([]);
  });

  it('closes the connection with the last subscription', async () => {
    const name = uid('listen');
    const subscribe = sharedListener(() => new pg.Client({ connectionString: url, application_name: name }));
    const a = recorder();
    const b = recorder();
    const stopA = subscribe(`${name}_a`, a.subscriber);
    const stopB = subscribe(`${name}_b`, b.subscriber);
    await eventually(async () => a.heard.live.at(-1) === true && b.heard.live.at(-1) === true, 'both live');
    await stopA();
    expect(await connections(name)).toBe(1);
    await admin.query(`select pg_notify($1, 'unheard'), pg_notify($2, 'heard')`, [`${name}_a`, `${name}_b`]);
    await eventually(async () => b.heard.notices.length === 1, 'the notice on b');
    expect(a.heard.notices).toEqual([]);
    await stopB();
    await eventually(async () => (await connections(name)) === 0, 'the connection is closed');
  });
});
