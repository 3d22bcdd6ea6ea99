// The HTTP plumbing every route shares: bodies validated and documented from one zod schema, path
// ids checked once, and lists answered with their total in X-Total-Count, all declared, not written.
import { Body, Param, Query, SetMetadata, applyDecorators, UseInterceptors, type CallHandler, type ExecutionContext, type NestInterceptor, type PipeTransform } from '@nestjs/common';
import { ApiBody, ApiQuery } from '@nestjs/swagger';
import type { Response } from 'express';
import { map, type Observable } from 'rxjs';
import * as z from 'zod';
import { AppError } from '../common/app-error.js';
import { checkBounds } from '../common/input-boundary.js';
import { validate } from '../common/validation.js';
import type { ListSpec } from './list-query.js';

/** A page of a list as services return it; the list interceptor sends `data` and the total. */
export interface ListPage<T> {
  total: number;
  data: T[];
}

/** Sends a page of records with the total in X-Total-Count (exposed to the browser). */
export function sendList<T>(res: Response, page: ListPage<T>): T[] {
  res.setHeader('X-Total-Count', String(page.total));
  res.setHeader('Access-Control-Expose-Headers', 'X-Total-Count');
  return page.data;
}

/** A path id: a positive 32-bit integer, else 404 (never a 500 from the database). */
export function parseId(raw: string): number {
  if (!/^\d{1,10}$/.test(raw)) throw AppError.notFound();
  const n = Number(raw);
  if (n < 1 || n > 2_147_483_647) throw AppError.notFound();
  return n;
}

class IdPipe implements PipeTransform<string, number> {
  transform(value: string): number {
    return parseId(value);
  }
}

/** `@IdParam() id: number` — the path's `:id` (or another name) as a checked id. */
export const IdParam = (name = 'id'): ParameterDecorator => Param(name, new IdPipe());

class ZodPipe implements PipeTransform {
  constructor(private readonly schema: z.ZodType) {}
  transform(value: unknown): unknown {
    // No body at all is an empty one: the schema then names each missing field.
    return checkBounds(validate(this.schema, value ?? {}));
  }
}

/** The OpenAPI form of a zod input schema. */
export function jsonSchemaOf(schema: z.ZodType): Record<string, unknown> {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}

/**
 * `@ZodBody(Schema) body: Output` — the request body validated by the schema (400 with field
 * errors in the caller's language), bounded to what the database can hold, and documented in
 * OpenAPI from the same schema.
 */
export function ZodBody(schema: z.ZodType): ParameterDecorator {
  return (target, key, index) => {
    Body(new ZodPipe(schema))(target, key, index);
    if (key !== undefined) {
      const descriptor = Object.getOwnPropertyDescriptor(target, key)!;
      ApiBody({ schema: jsonSchemaOf(schema) })(target, key, descriptor);
    }
  };
}

/** `@ZodQuery(Schema) query: T` — the query string validated like a body (for routes that are not lists). */
export function ZodQuery(schema: z.ZodType): ParameterDecorator {
  return Query(new ZodPipe(schema));
}

export function listQueryDocs(spec: ListSpec): string {
  const filters = Object.entries(spec.fields).map(([k, f]) => `${k} (${f.kind}${f.sortable ? ', sortable' : ''})`);
  const custom = Object.entries(spec.filters ?? {}).map(([k, f]) => `${k} (${f.kind}${f.doc ? `: ${f.doc}` : ''})`);
  const search = spec.search ? '; q: free-text search' : '';
  return `Paging _start/_end; sorting _sort/_order; filters field=value, field_like, field_gte, field_lte, field_ne on: ${filters.join(', ')}${custom.length ? `; other filters: ${custom.join(', ')}` : ''}${search}.`;
}

export const LIST_ROUTE = 'list-route';

class ListInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const res = context.switchToHttp().getResponse<Response>();
    return next.handle().pipe(map((page: ListPage<unknown>) => sendList(res, page)));
  }
}

/**
 * Marks a list route: documents its filters from the spec, and sends the `{ total, data }` the
 * handler returns as `data` with the total in X-Total-Count.
 */
export function ListRoute(spec?: ListSpec) {
  const docs = spec ? listQueryDocs(spec) : 'Paging _start/_end; sorting _sort/_order; filters field=value, field_like, field_gte, field_lte, field_ne on the fields of each list.';
  return applyDecorators(
    SetMetadata(LIST_ROUTE, true),
    ApiQuery({ name: 'filters', required: false, description: docs }),
    UseInterceptors(ListInterceptor),
  );
}
