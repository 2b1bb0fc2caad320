import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fp from 'fastify-plugin';

/** OpenAPI generated from the route schemas (never written by hand): /openapi.json and Swagger UI on /docs. */
export default fp(
  async (app) => {
    await app.register(swagger, {
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
