// Checks a JSON answer against the schema the OpenAPI document gives for it (the subset
// scripts/lib/openapi-responses.ts writes: type, properties, required, additionalProperties,
// items, enum, anyOf, nullable, format date-time). Returns what does not fit, with its path.
type Schema = Record<string, any>;

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

export function misfits(given: Schema, value: unknown, path = '$', out: string[] = [], deref: (s: Schema) => Schema = (s) => s): string[] {
  if (out.length > 20) return out;
  const schema = deref(given);
  if (value === null) {
    if (!schema.nullable && Object.keys(schema).length > 0) out.push(`${path}: null where the document says ${JSON.stringify(schema).slice(0, 80)}`);
    return out;
  }
  if (schema.anyOf) {
    if (!(schema.anyOf as Schema[]).some((s) => misfits(s, value, path, [], deref).length === 0)) out.push(`${path}: ${JSON.stringify(value).slice(0, 80)} fits none of ${schema.anyOf.length} forms`);
    return out;
  }
  if (schema.enum && !(schema.enum as unknown[]).includes(value)) out.push(`${path}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`);
  switch (schema.type) {
    case undefined:
      return out;
    case 'string':
      if (typeof value !== 'string') out.push(`${path}: ${typeof value} where a string is documented`);
      else if (schema.format === 'date-time' && !DATE_TIME.test(value)) out.push(`${path}: ${value} is not a date-time`);
      return out;
    case 'number':
    case 'integer':
      if (typeof value !== 'number') out.push(`${path}: ${typeof value} where a number is documented`);
      return out;
    case 'boolean':
      if (typeof value !== 'boolean') out.push(`${path}: ${typeof value} where a boolean is documented`);
      return out;
    case 'array':
      if (!Array.isArray(value)) out.push(`${path}: not an array`);
      else value.slice(0, 50).forEach((v, i) => misfits(schema.items ?? {}, v, `${path}[${i}]`, out, deref));
      return out;
    case 'object': {
      if (typeof value !== 'object' || Array.isArray(value)) {
        out.push(`${path}: not an object`);
        return out;
      }
      const props = (schema.properties ?? {}) as Record<string, Schema>;
      for (const k of (schema.required ?? []) as string[]) if (!(k in (value as object))) out.push(`${path}.${k}: documented as always there, missing`);
      for (const [k, v] of Object.entries(value as object)) {
        if (props[k]) misfits(props[k], v, `${path}.${k}`, out, deref);
        else if (schema.additionalProperties === false) out.push(`${path}.${k}: not in the document`);
        else if (schema.additionalProperties && typeof schema.additionalProperties === 'object') misfits(schema.additionalProperties, v, `${path}.${k}`, out, deref);
      }
      return out;
    }
    default:
      return out;
  }
}
