import { z } from 'zod';
import { errorBodySchema, STATUS_OF } from './errors.ts';
import type { Route } from './route.ts';

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodType): JsonSchema {
  // 'input' describes what clients send (before coercion and defaults); anything zod cannot
  // express in JSON Schema is left open rather than failing the whole document.
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
  }) as JsonSchema;
  return rest;
}

function parameters(schema: z.ZodType | undefined, where: 'path' | 'query'): JsonSchema[] {
  if (!schema) return [];
  const json = jsonSchema(schema) as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    schema: property,
    ...(typeof property.description === 'string' ? { description: property.description } : {}),
  }));
}

function requestBody(route: Route): JsonSchema | undefined {
  if (route.schemas.body) {
    return { required: true, content: { 'application/json': { schema: jsonSchema(route.schemas.body) } } };
  }
  if (!route.multipart) return undefined;
  const properties = Object.fromEntries(
    Object.entries(route.multipart).map(([name, description]) => [name, { type: 'string', description }]),
  );
  return { required: true, content: { 'multipart/form-data': { schema: { type: 'object', properties } } } };
}

/** The OpenAPI 3.1 document of the given routes, generated from the zod schemas that validate them. */
export function buildOpenApi(routes: readonly Route[], version: string): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const route of routes) {
    const path = route.url.replace(/:([A-Za-z_]+)/g, '{$1}');
    const success = route.schemas.response
      ? {
          description: '成功',
          content: { 'application/json': { schema: jsonSchema(route.schemas.response) } },
        }
      : { description: '成功' };
    const errors = Object.fromEntries(
      [...new Set(Object.values(STATUS_OF))].map((status) => [
        String(status),
        { $ref: '#/components/responses/Error' },
      ]),
    );
    paths[path] ??= {};
    paths[path][route.method.toLowerCase()] = {
      summary: route.summary,
      tags: [route.tag],
      ...(route.auth ? {} : { security: [] }),
      parameters: [...parameters(route.schemas.params, 'path'), ...parameters(route.schemas.query, 'query')],
      ...(requestBody(route) ? { requestBody: requestBody(route) } : {}),
      responses: { [String(route.status)]: success, ...errors },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Duban 督办 API', version },
    paths,
    security: [{ session: [] }, { bearer: [] }],
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'duban_session' },
        bearer: { type: 'http', scheme: 'bearer' },
      },
      responses: {
        Error: {
          description: '错误：{ error: { code, message, details } }，message 为中文',
          content: { 'application/json': { schema: jsonSchema(errorBodySchema) } },
        },
      },
    },
  };
}
