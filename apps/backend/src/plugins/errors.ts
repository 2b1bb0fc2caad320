/**
 * The one error handler: 4xx in the spec's envelope ({"errors":{"field":["message"]}}), 5xx as a generic
 * message with the cause logged (never a stack trace or SQL in a response), and request validation that
 * speaks the spec's language ("can't be blank") rather than JSON Schema's.
 */
import { Ajv, type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifyError, FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { loggable, responseFor } from '../db/errors.js';
import { HttpError } from '../lib/errors.js';

type Envelope = Record<string, string[]>;

function fieldOf(error: ErrorObject): string {
  if (error.keyword === 'required')
    return String((error.params as { missingProperty: string }).missingProperty);
  const parts = error.instancePath.split('/').filter((part) => part !== '' && !/^\d+$/.test(part));
  return parts.at(-1) ?? '';
}

function messageOf(error: ErrorObject): string | undefined {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return "can't be blank";
    case 'minLength':
      return params.limit === 1 || error.data === ''
        ? "can't be blank"
        : `is too short (minimum is ${String(params.limit)} characters)`;
    case 'maxLength':
      return `is too long (maximum is ${String(params.limit)} characters)`;
    case 'maxItems':
      return `has too many items (maximum is ${String(params.limit)})`;
    case 'minItems':
      return `has too few items (minimum is ${String(params.limit)})`;
    case 'format':
      return 'is invalid';
    case 'type':
      return `must be ${params.type === 'integer' || params.type === 'array' || params.type === 'object' ? 'an' : 'a'} ${String(params.type).replace(',null', ' or null')}`;
    case 'minimum':
      return `must be greater than or equal to ${String(params.limit)}`;
    case 'maximum':
      return `must be less than or equal to ${String(params.limit)}`;
    case 'anyOf':
      return undefined; // the branch errors already say what is wrong
    default:
      return error.message ?? 'is invalid';
  }
}

function textFor(error: ErrorObject, field: string, message: string): string {
  // A null where text is required reads best as blank.
  const nullForText =
    error.keyword === 'type' && error.data === null && !String(error.params.type).includes('null');
  if (nullForText) return "can't be blank";
  if (field === 'request') return `body ${message.replace(/^must be an? object$/, 'must be a JSON object')}`;
  return message;
}

export function validationEnvelope(errors: ErrorObject[], context: string): Envelope {
  const envelope: Envelope = {};
  for (const error of errors) {
    const message = messageOf(error);
    if (message === undefined) continue;
    const field = fieldOf(error) || (context === 'body' ? 'request' : context);
    const text = textFor(error, field, message);
    const list = (envelope[field] ??= []);
    if (!list.includes(text)) list.push(text);
  }
  return Object.keys(envelope).length > 0 ? envelope : { [context]: ['is invalid'] };
}

export default fp(
  async (app: FastifyInstance) => {
    // Bodies are validated strictly (null stays null, "1" is not a number); query strings and path
    // parameters arrive as text, so they are coerced to the declared types.
    const strict = new Ajv({
      allErrors: true,
      strict: false,
      coerceTypes: false,
      useDefaults: true,
      verbose: true,
    });
    const coercing = new Ajv({
      allErrors: true,
      strict: false,
      coerceTypes: true,
      useDefaults: true,
      verbose: true,
    });
    addFormats.default(strict);
    addFormats.default(coercing);
    app.setValidatorCompiler(({ schema, httpPart }) =>
      (httpPart === 'body' ? strict : coercing).compile(schema as object),
    );

    app.setErrorHandler((error: FastifyError & { validationContext?: string }, request, reply) => {
      if (error instanceof HttpError) {
        return reply.status(error.statusCode).send({ errors: error.errors });
      }
      if (error.validation) {
        return reply.status(422).send({
          errors: validationEnvelope(error.validation as ErrorObject[], error.validationContext ?? 'request'),
        });
      }
      const status = error.statusCode ?? 500;
      if (status >= 400 && status < 500) {
        const field = status === 429 ? 'rate' : 'request';
        return reply.status(status).send({ errors: { [field]: [error.message] } });
      }
      const mapped = responseFor(error);
      if (mapped instanceof HttpError) {
        request.log.warn(loggable(error), 'database refused the request');
        return reply.status(mapped.statusCode).send({ errors: mapped.errors });
      }
      if (mapped) {
        request.log.error(loggable(error), 'database unavailable');
        reply.header('retry-after', String(mapped.retryAfterSeconds));
        return reply.status(503).send({ errors: mapped.errors });
      }
      request.log.error(loggable(error), 'unhandled error');
      return reply.status(500).send({ errors: { server: ['something went wrong, please try again'] } });
    });
  },
  { name: 'errors' },
);
