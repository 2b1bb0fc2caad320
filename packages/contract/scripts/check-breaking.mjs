#!/usr/bin/env node
// Compares the committed OpenAPI document with the main branch's and fails on a change that breaks
// clients written against main: a removed operation or parameter, a new required parameter, a request
// field removed, newly required or retyped, a response field removed, retyped or no longer required.
// Additions (new paths, optional fields, response fields) pass.
//
//   node packages/contract/scripts/check-breaking.mjs                 main's document vs the working copy
//   node packages/contract/scripts/check-breaking.mjs base.json head.json
//   BASE_REF=origin/main node packages/contract/scripts/check-breaking.mjs
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

/** The schema with $refs followed and allOf merged into one object schema. */
function resolve(document, schema) {
  if (!schema || typeof schema !== 'object') return {};
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    return resolve(document, document.components?.schemas?.[name]);
  }
  if (schema.allOf) {
    const parts = schema.allOf.map((part) => resolve(document, part));
    return {
      type: 'object',
      properties: Object.assign({}, ...parts.map((part) => part.properties ?? {})),
      required: parts.flatMap((part) => part.required ?? []),
    };
  }
  return schema;
}

const typeOf = (schema) =>
  schema.anyOf
    ? schema.anyOf
        .map((option) => typeOf(option))
        .sort()
        .join('|')
    : [schema.type ?? 'any'].flat().sort().join('|');

/**
 * Differences between two schemas that break a client. `direction` is 'request' (the server must still
 * accept what it accepted) or 'response' (clients must still find what they found).
 */
function compareSchemas(base, head, where, direction, docs, problems) {
  const b = resolve(docs.base, base);
  const h = resolve(docs.head, head);
  if (typeOf(b) !== typeOf(h)) {
    problems.push(`${where}: type changed from ${typeOf(b)} to ${typeOf(h)}`);
    return;
  }
  if (b.items || h.items) compareSchemas(b.items, h.items, `${where}[]`, direction, docs, problems);
  const baseRequired = new Set(b.required ?? []);
  const headRequired = new Set(h.required ?? []);
  for (const [name, schema] of Object.entries(b.properties ?? {})) {
    const field = `${where}.${name}`;
    if (!(name in (h.properties ?? {}))) {
      problems.push(`${field}: removed`);
      continue;
    }
    if (direction === 'request' && !baseRequired.has(name) && headRequired.has(name)) {
      problems.push(`${field}: became required`);
    }
    if (direction === 'response' && baseRequired.has(name) && !headRequired.has(name)) {
      problems.push(`${field}: no longer always present`);
    }
    compareSchemas(schema, h.properties[name], field, direction, docs, problems);
  }
  if (direction === 'request') {
    for (const name of headRequired) {
      if (!(name in (b.properties ?? {}))) problems.push(`${where}.${name}: new required field`);
    }
  }
}

const jsonSchema = (content) => content?.['application/json']?.schema;

export function breakingChanges(base, head) {
  const docs = { base, head };
  const problems = [];
  for (const [path, baseItem] of Object.entries(base.paths ?? {})) {
    for (const method of METHODS.filter((m) => baseItem[m])) {
      const operation = `${method.toUpperCase()} ${path}`;
      const baseOp = baseItem[method];
      const headOp = head.paths?.[path]?.[method];
      if (!headOp) {
        problems.push(`${operation}: removed`);
        continue;
      }
      const key = (p) => `${p.in}:${p.name}`;
      const headParams = new Map((headOp.parameters ?? []).map((p) => [key(p), p]));
      const baseParams = new Map((baseOp.parameters ?? []).map((p) => [key(p), p]));
      for (const [id, param] of baseParams) {
        const now = headParams.get(id);
        if (!now) problems.push(`${operation} parameter ${id}: removed`);
        else if (!param.required && now.required)
          problems.push(`${operation} parameter ${id}: became required`);
        else
          compareSchemas(param.schema, now.schema, `${operation} parameter ${id}`, 'request', docs, problems);
      }
      for (const [id, param] of headParams) {
        if (!baseParams.has(id) && param.required)
          problems.push(`${operation} parameter ${id}: new and required`);
      }
      const baseBody = jsonSchema(baseOp.requestBody?.content);
      if (baseBody) {
        compareSchemas(
          baseBody,
          jsonSchema(headOp.requestBody?.content),
          `${operation} body`,
          'request',
          docs,
          problems,
        );
      }
      for (const [status, response] of Object.entries(baseOp.responses ?? {})) {
        const baseSchema = jsonSchema(response.content);
        if (!status.startsWith('2') || !baseSchema) continue;
        const headResponse = headOp.responses?.[status];
        if (!headResponse) {
          problems.push(`${operation} response ${status}: removed`);
          continue;
        }
        compareSchemas(
          baseSchema,
          jsonSchema(headResponse.content),
          `${operation} ${status}`,
          'response',
          docs,
          problems,
        );
      }
    }
  }
  return problems;
}

function mainDocument() {
  const refs = process.env.BASE_REF ? [process.env.BASE_REF] : ['origin/main', 'main'];
  for (const ref of refs) {
    try {
      return JSON.parse(
        execFileSync('git', ['show', `${ref}:packages/contract/openapi.json`], {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'ignore'],
        }),
      );
    } catch {
      // try the next name
    }
  }
  throw new Error(`no packages/contract/openapi.json on ${refs.join(' or ')} (set BASE_REF)`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [basePath, headPath] = process.argv.slice(2);
  const base = basePath ? JSON.parse(readFileSync(basePath, 'utf8')) : mainDocument();
  const head = JSON.parse(readFileSync(headPath ?? new URL('../openapi.json', import.meta.url), 'utf8'));
  const problems = breakingChanges(base, head);
  for (const problem of problems) console.log(`breaking: ${problem}`);
  console.log(`contract: ${problems.length === 0 ? 1 : 0} passed, ${problems.length === 0 ? 0 : 1} failed`);
  process.exit(problems.length === 0 ? 0 : 1);
}
