import { z } from 'zod';
import type { PeerpolisModule } from '../module.ts';
import { PROBLEM_JSON, problemSchema } from './problem.ts';

// The OpenAPI 3.1 document is generated from the zod schemas that validate the requests and type the
// responses (zod 4's JSON Schema output, JSON Schema 2020-12 being OpenAPI 3.1's dialect), so the spec
// cannot drift from the code. Each module builds its part ({ paths, schemas }) with these helpers;
// buildOpenApiDocument merges the parts.

export type OpenApiPart = NonNullable<PeerpolisModule['openApi']>;
export type JsonSchema = Record<string, unknown>;
type Io = 'input' | 'output';
type QueryShape = z.ZodObject<Record<string, z.ZodType>>;

const options = (io: Io) => ({
  io,
  target: 'draft-2020-12' as const,
  override: ({ jsonSchema: s }: { jsonSchema: JsonSchema }) => {
    // z.int() says "a safe integer"; the bounds add nothing for a reader.
    if (s.minimum === Number.MIN_SAFE_INTEGER) delete s.minimum;
    if (s.maximum === Number.MAX_SAFE_INTEGER) delete s.maximum;
    // format: date-time says it; zod's regex for it is unreadable.
    if (s.format === 'date-time') delete s.pattern;
  },
});

/** One schema as JSON Schema: `input` for what a request may send, `output` for what a response holds. */
export function jsonSchema(schema: z.ZodType, io: Io): JsonSchema {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, options(io)) as JsonSchema;
  return rest;
}

/**
 * Named schemas for `components.schemas`, referring to each other by `$ref` (a schema named here and
 * used inside another one is written once).
 */
export function componentSchemas(named: Record<string, z.ZodType>, io: Io = 'output'): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(named)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, { ...options(io), uri: (id) => `#/components/schemas/${id}` });
  return Object.fromEntries(
    Object.entries(schemas).map(([id, s]) => {
      const { $schema: _s, $id: _i, ...rest } = s as JsonSchema;
      return [id, rest];
    }),
  );
}

export const schemaRef = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** Whether a query parameter may repeat (?theme=a&theme=b): its schema is an array. */
export const isRepeated = (schema: z.ZodType): boolean => jsonSchema(schema, 'input').type === 'array';

/** One OpenAPI parameter per key of the schema's shape, with its JSON Schema and its description. */
export function parametersOf(schema: QueryShape, where: 'query' | 'path'): JsonSchema[] {
  const required = new Set((jsonSchema(schema, 'input').required as string[] | undefined) ?? []);
  return Object.entries(schema.shape).map(([name, field]) => {
    const { description, ...fieldSchema } = jsonSchema(field, 'input');
    return {
      name,
      in: where,
      ...(description ? { description } : {}),
      ...(where === 'path' || required.has(name) ? { required: true } : {}),
      schema: fieldSchema,
      ...(fieldSchema.type === 'array' ? { style: 'form', explode: true } : {}),
    };
  });
}

/** A JSON response whose body is the named component. */
export const jsonResponse = (description: string, schemaName: string) => ({
  description,
  content: { 'application/json': { schema: schemaRef(schemaName) } },
});

/** The 400 of every endpoint that takes parameters. */
export const badRequestResponse = {
  description: 'A parameter is malformed, out of range or unknown: problem details naming each one.',
  content: { [PROBLEM_JSON]: { schema: schemaRef('Problem') } },
};

/** The 404 of a `{slug}` path. */
export const notFoundSchema = z.strictObject({ error: z.literal('not_found') });
export const notFoundResponse = (description: string) => jsonResponse(description, 'NotFound');

/** Schemas every part may refer to. */
const sharedSchemas = componentSchemas({ Problem: problemSchema, NotFound: notFoundSchema });

export type OpenApiInfo = { title: string; version: string; description?: string };

/**
 * Merges the modules' parts into one OpenAPI 3.1 document. A path or a schema name declared by two
 * parts is an error: one would silently hide the other.
 */
export function buildOpenApiDocument(parts: OpenApiPart[], info: OpenApiInfo, servers = [{ url: '/api/v1' }]) {
  const paths: Record<string, unknown> = {};
  const schemas: Record<string, unknown> = { ...sharedSchemas };
  const securitySchemes: Record<string, unknown> = {};
  for (const part of parts) {
    for (const [name, scheme] of Object.entries(part.securitySchemes ?? {})) {
      if (name in securitySchemes) throw new Error(`OpenAPI: the security scheme ${name} is declared twice`);
      securitySchemes[name] = scheme;
    }
    for (const [path, item] of Object.entries(part.paths)) {
      if (path in paths) throw new Error(`OpenAPI: the path ${path} is declared twice`);
      paths[path] = item;
    }
    for (const [name, schema] of Object.entries(part.schemas ?? {})) {
      if (name in schemas) throw new Error(`OpenAPI: the schema ${name} is declared twice`);
      schemas[name] = schema;
    }
  }
  const components = Object.keys(securitySchemes).length ? { schemas, securitySchemes } : { schemas };
  return { openapi: '3.1.0', info, servers, paths, components };
}
