import { z } from 'zod';
import { contractErrorSchema, methods } from '../../../../shared/contract';
import type { ApiRoute } from './api-route';

type JsonSchema = Record<string, unknown>;

function schemaOf(s: z.ZodType, io: 'input' | 'output'): JsonSchema {
  // Branded numbers and transforms have no JSON Schema of their own: they are described by what they accept.
  return z.toJSONSchema(s, { io, unrepresentable: 'any' });
}

/**
 * The OpenAPI 3.1 document of the JSON-over-HTTP API, written from the same
 * route table that serves it and from the contract's zod schemas (request
 * bodies as accepted, responses as sent). Every route takes the run's token
 * as a bearer credential.
 */
export function openApiDocument(routes: readonly ApiRoute[], version: string): JsonSchema {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const spec = methods[r.method];
    const openPath = r.path.replace(/:([A-Za-z]+)/g, '{$1}');
    const pathParams = [...r.path.matchAll(/:([A-Za-z]+)/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
    const queryParams = (r.query ?? []).map((name) => ({ name, in: 'query', required: false, schema: { type: 'string' } }));
    paths[openPath] ??= {};
    const op: Record<string, unknown> = {
      operationId: r.method,
      summary: r.summary,
      description: spec.description,
      parameters: [...pathParams, ...queryParams],
      responses: {
        [String(r.status ?? 200)]: { description: 'ok', content: { 'application/json': { schema: schemaOf(spec.result, 'output') } } },
        default: { description: 'a refusal or failure, naming the field at fault', content: { 'application/json': { schema: { type: 'object', properties: { error: schemaOf(contractErrorSchema, 'output') }, required: ['error'] } } } },
      },
      security: [{ bearer: [] }],
    };
    if (r.body) op['requestBody'] = { required: true, content: { 'application/json': { schema: schemaOf(r.bodySchema ?? spec.params, 'input') } } };
    (paths[openPath])[r.verb.toLowerCase()] = op;
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Tapedeck local API', version, description: 'tapedeck serve: JSON over HTTP on loopback, with the run\u2019s token as a bearer credential. Paper trading only.' },
    paths,
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'the token in the URL that tapedeck serve printed' } } },
  };
}
