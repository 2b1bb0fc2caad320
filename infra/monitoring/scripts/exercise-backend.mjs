#!/usr/bin/env node
// A few requests against a running backend (URL as the only argument) so that every application metric
// has samples: a registration, logins ok and refused, an article, a comment, a 404. Bounded: eight requests.
const base = process.argv[2];
if (!base) {
  console.error('usage: exercise-backend.mjs http://127.0.0.1:PORT');
  process.exit(2);
}
const name = `monitoring${Date.now().toString(36)}`;
const user = { username: name, email: `${name}@example.com`, password: 'monitoring-password' };

async function call(method, path, body, token) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Token ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

const expect = (what, response, status) => {
  if (response.status !== status) throw new Error(`${what}: expected ${status}, got ${response.status}`);
};

const registered = await call('POST', '/api/users', { user });
expect('register', registered, 201);
const token = registered.body.user.token;
expect(
  'login',
  await call('POST', '/api/users/login', { user: { email: user.email, password: user.password } }),
  200,
);
expect(
  'bad login',
  await call('POST', '/api/users/login', { user: { email: user.email, password: 'wrong' } }),
  401,
);
const article = await call(
  'POST',
  '/api/articles',
  { article: { title: name, description: 'd', body: 'b' } },
  token,
);
expect('article', article, 201);
const comment = await call(
  'POST',
  `/api/articles/${article.body.article.slug}/comments`,
  { comment: { body: 'c' } },
  token,
);
expect('comment', comment, 201);
expect('tags', await call('GET', '/api/tags'), 200);
expect('unknown profile', await call('GET', `/api/profiles/${name}-nobody`), 404);
console.log('exercised the backend: registration, logins, article, comment, reads');
