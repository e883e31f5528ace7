import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import type { z } from 'zod';
import { createTestApp, type TestApp } from '../tests/helpers/app.ts';
import { eventDetail, eventList, eventsQuery } from './features/events/events.api.ts';
import { expertList, expertMatches } from './features/experts/experts.api.ts';
import { practiceDetail, practiceList } from './features/practices/practices.api.ts';
import { openApiDocument } from './openapi.ts';
import { buildOpenApiDocument } from './platform/http/openapi.ts';
import { problemSchema } from './platform/http/problem.ts';

// The contract: real answers of every endpoint hold exactly what the published document says — checked
// against the served JSON Schema (a small validator below) and against the zod schemas it was generated
// from, both strict about properties nobody documented.

type Schema = Record<string, any>;
type Doc = { paths: Record<string, Record<string, Schema>>; components: { schemas: Record<string, Schema> } };

const isType = (type: string, v: unknown): boolean =>
  type === 'null'
    ? v === null
    : type === 'integer'
      ? Number.isInteger(v)
      : type === 'array'
        ? Array.isArray(v)
        : type === 'object'
          ? typeof v === 'object' && v !== null && !Array.isArray(v)
          : typeof v === type;

/** The subset of JSON Schema 2020-12 that zod emits for these responses; returns what does not match. */
function validate(doc: Doc, schema: Schema, value: unknown, at = '$'): string[] {
  if (schema.$ref) return validate(doc, doc.components.schemas[String(schema.$ref).replace('#/components/schemas/', '')] ?? {}, value, at);
  if (schema.anyOf) return schema.anyOf.some((s: Schema) => validate(doc, s, value, at).length === 0) ? [] : [`${at}: no branch of anyOf`];
  const types: string[] = schema.type === undefined ? [] : [schema.type].flat();
  if (types.length > 0 && !types.some((type) => isType(type, value))) return [`${at}: ${JSON.stringify(value)} is not ${types}`];
  const errors: string[] = [];
  if (schema.const !== undefined && value !== schema.const) errors.push(`${at}: not ${schema.const}`);
  if (schema.enum && !schema.enum.includes(value)) errors.push(`${at}: ${JSON.stringify(value)} not in ${schema.enum}`);
  if (typeof value === 'number' && (value < (schema.minimum ?? -Infinity) || value > (schema.maximum ?? Infinity)))
    errors.push(`${at}: out of range`);
  if (typeof value === 'string' && schema.format === 'date-time' && Number.isNaN(Date.parse(value))) errors.push(`${at}: not a date-time`);
  if (typeof value === 'string' && schema.format === 'uri' && !URL.canParse(value)) errors.push(`${at}: not a URI`);
  if (Array.isArray(value) && schema.items) errors.push(...value.flatMap((v, i) => validate(doc, schema.items, v, `${at}[${i}]`)));
  if (isType('object', value) && (schema.properties || schema.required)) {
    const object = value as Record<string, unknown>;
    for (const key of schema.required ?? []) if (!(key in object)) errors.push(`${at}.${key}: missing`);
    for (const [key, v] of Object.entries(object)) {
      if (schema.properties?.[key]) errors.push(...validate(doc, schema.properties[key], v, `${at}.${key}`));
      else if (schema.additionalProperties === false) errors.push(`${at}.${key}: not in the schema`);
    }
  }
  return errors;
}

let t: TestApp;
let doc: Doc;
before(async () => {
  t = await createTestApp({ seed: 'demo' });
  // Demo events have no registration opening date: give one, so that branch is checked too.
  await sql`update events set registration_opens_at = now() - interval '1 day'
            where id = (select min(id) from events where status <> 'draft')`.execute(t.database.db);
  doc = (await (await t.request('/api/v1/openapi.json')).json()) as Doc;
});
after(() => t.close());

/** Requests `path`, checks the answer against the document's response and the zod schema; returns the body. */
async function check(path: string, schemaName: string, zod: z.ZodType, init?: RequestInit): Promise<any> {
  const res = await t.request(`/api/v1${path}`, init);
  assert.equal(res.status, 200, path);
  const body = await res.json();
  assert.deepEqual(validate(doc, { $ref: `#/components/schemas/${schemaName}` }, body), [], path);
  const strict = zod.safeParse(body);
  assert.ok(strict.success, `${path}: ${strict.error?.message}`);
  return body;
}
const post = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 with every $ref resolved and a 400 wherever parameters are read', () => {
    assert.equal(doc.components.schemas.EventDetail?.additionalProperties, false);
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1] as string);
    assert.ok(refs.length > 10);
    for (const ref of refs) assert.ok(ref in doc.components.schemas, ref);
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const operation of Object.values(item)) assert.ok(operation.responses['400'], `${path} documents its 400`);
    }
    assert.deepEqual(JSON.parse(JSON.stringify(openApiDocument)), doc, 'served as built');
  });

  it('has one parameter per key of the query schema, described', () => {
    const parameters = doc.paths['/events']?.get?.parameters as Array<{ name: string; description: string; schema: Schema }>;
    assert.deepEqual(
      parameters.map((p) => p.name),
      Object.keys(eventsQuery.shape),
    );
    for (const p of parameters) assert.ok(p.description, p.name);
    assert.deepEqual(parameters.find((p) => p.name === 'page')?.schema, { default: 1, type: 'integer', minimum: 1, maximum: 500 });
  });

  it('refuses a path or a schema declared by two parts', () => {
    const part = { paths: { '/x': {} }, schemas: { X: {} } };
    assert.throws(() => buildOpenApiDocument([part, { paths: { '/x': {} } }], { title: 't', version: '1' }), /\/x is declared twice/);
    assert.throws(
      () => buildOpenApiDocument([part, { paths: {}, schemas: { X: {} } }], { title: 't', version: '1' }),
      /X is declared twice/,
    );
    assert.throws(() => buildOpenApiDocument([{ paths: {}, schemas: { Problem: {} } }], { title: 't', version: '1' }), /Problem/);
  });
});

describe('every endpoint answers exactly what its schema documents', () => {
  it('GET /events/{slug}: every field of every public event, in two languages', async () => {
    const list = await check('/events', 'EventList', eventList);
    assert.ok(list.total > 5);
    const documented = Object.keys(doc.components.schemas.EventDetail?.properties ?? {}).sort();
    assert.deepEqual(documented, Object.keys(eventDetail.shape).sort());
    let opensAt = 0;
    for (const { slug } of list.items as Array<{ slug: string }>) {
      for (const lang of ['en', 'ar']) {
        const body = await check(`/events/${slug}?lang=${lang}`, 'EventDetail', eventDetail);
        assert.deepEqual(Object.keys(body).sort(), documented, `${slug}: no field undocumented, none missing`);
        if (body.registrationOpensAt) opensAt += 1;
      }
    }
    assert.ok(opensAt > 0);
  });

  it('GET /events with filters, and its pages', async () => {
    await check('/events?from=2020-01-01&to=2030-01-01&format=hybrid&format=virtual&lang=de', 'EventList', eventList);
    await check('/events?page=2', 'EventList', eventList);
  });

  it('GET /practices and GET /practices/{slug}', async () => {
    const list = await check('/practices?lang=fr', 'PracticeList', practiceList);
    await check('/practices?q=recycling&sdg=11&sort=date', 'PracticeList', practiceList);
    for (const { slug } of list.items.slice(0, 5) as Array<{ slug: string }>) {
      await check(`/practices/${slug}?lang=es`, 'PracticeDetail', practiceDetail);
    }
  });

  it('GET /experts and POST /experts/match', async () => {
    const list = await check('/experts', 'ExpertList', expertList);
    assert.ok(list.items.length > 0);
    const matches = await check(
      '/experts/match?lang=de',
      'ExpertMatches',
      expertMatches,
      post({ challenge: 'waste collection and recycling' }),
    );
    assert.ok(matches.items.length > 0);
  });

  it('400 and 404 bodies are the documented Problem and NotFound', async () => {
    for (const [path, init] of [
      ['/practices?page=0', undefined],
      ['/events/x?lang=xx', undefined],
      ['/experts/match', post({ limit: 0 })],
    ] as const) {
      const res = await t.request(`/api/v1${path}`, init);
      const body = await res.json();
      assert.deepEqual(validate(doc, { $ref: '#/components/schemas/Problem' }, body), [], path);
      assert.ok(problemSchema.safeParse(body).success);
    }
    const missing = await t.request('/api/v1/practices/no-such-practice');
    assert.deepEqual(validate(doc, { $ref: '#/components/schemas/NotFound' }, await missing.json()), []);
  });
});
