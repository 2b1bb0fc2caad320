import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fp from 'fastify-plugin';

type Node = Record<string, unknown>;

/**
 * Moves every schema the contract names (a string `title`) into components.schemas and leaves a $ref in
 * its place, so each is written once. Two different schemas under one name would make the references
 * lie: that stops the start-up.
 */
export function nameSchemas<T extends Node>(document: T): T {
  const named: Record<string, unknown> = {};
  const texts = new Map<string, string>();
  const visit = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(visit);
    if (node === null || typeof node !== 'object') return node;
    const { title, ...rest } = node as Node;
    const isNamed = typeof title === 'string';
    const walked = Object.fromEntries(
      Object.entries(isNamed ? rest : (node as Node)).map(([key, value]) => [key, visit(value)]),
    );
    if (!isNamed) return walked;
    const text = JSON.stringify(walked);
    if (texts.has(title) && texts.get(title) !== text) {
      throw new Error(`two different schemas are named ${title}`);
    }
    texts.set(title, text);
    named[title] = walked;
    return { $ref: `#/components/schemas/${title}` };
  };
  const paths = visit(document.paths);
  const components = (document.components ?? {}) as Node;
  const schemas = Object.fromEntries(Object.entries(named).sort(([a], [b]) => a.localeCompare(b)));
  return { ...document, paths, components: { ...components, schemas } };
}

/** OpenAPI generated from the route schemas (never written by hand): /openapi.json and Swagger UI on /docs. */
export default fp(
  async (app) => {
    await app.register(swagger, {
      transformObject: (document) =>
        nameSchemas(('openapiObject' in document ? document.openapiObject : document.swaggerObject) as Node),
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'Conduit API (Proyecto06)',
          description:
            'RealWorld API v2 on Fastify and PostgreSQL. Authenticate with `Authorization: Token <jwt>`.',
          version: '2.0.0',
        },
        servers: [{ url: '/' }],
        tags: [
          { name: 'User and Authentication' },
          { name: 'Profile' },
          { name: 'Articles' },
          { name: 'Favorites' },
          { name: 'Comments' },
          { name: 'Tags' },
          { name: 'Health' },
        ],
        components: {
          securitySchemes: {
            Token: { type: 'apiKey', in: 'header', name: 'Authorization', description: 'Token <jwt>' },
          },
        },
      },
    });
    await app.register(swaggerUi, {
      routePrefix: '/docs',
      staticCSP: true,
      uiConfig: { docExpansion: 'list' },
    });
    app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  },
  { name: 'docs' },
);
