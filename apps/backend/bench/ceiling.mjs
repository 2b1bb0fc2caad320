#!/usr/bin/env node
// The benchmark's yardstick: the least a Node server can do per request on this database. Bare Fastify
// and a `pg` pool of the same size as the backend's, one route answering one indexed point query as a
// small JSON object. `npm run bench` loads it in the same run as the backend and prints every endpoint as
// a percentage of it, a figure that travels between machines (req/s does not).
//   DATABASE_URL=postgres://… PORT=… node bench/ceiling.mjs
import Fastify from 'fastify';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const app = Fastify();
app.get('/ceiling/:id', async (request) => {
  const { rows } = await pool.query({
    name: 'ceiling',
    text: 'select username, bio, image from users where id = $1',
    values: [Number(request.params.id)],
  });
  return { user: rows[0] ?? null };
});
await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT) });
process.on('SIGTERM', () => app.close().then(() => pool.end()));
