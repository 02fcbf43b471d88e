import { z } from 'zod';

// The input fields of an operation, derived from its zod schema (through zod's own JSON Schema
// export, input side), so `leadledger api OPERATION --help` can never drift from the contract.

type Schema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: Schema | boolean;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  default?: unknown;
};

export type InputField = { name: string; type: string; required: boolean; default?: unknown };

const maxSafe = Number.MAX_SAFE_INTEGER;

function limits(s: Schema): string {
  const out: string[] = [];
  if (s.minLength !== undefined || s.maxLength !== undefined)
    out.push(`${s.minLength ?? 0}–${s.maxLength ?? '∞'} characters`);
  const high = s.maximum !== undefined && s.maximum < maxSafe ? s.maximum : undefined;
  if (s.minimum !== undefined && high !== undefined) out.push(`${s.minimum}–${high}`);
  else {
    if (s.exclusiveMinimum !== undefined) out.push(`> ${s.exclusiveMinimum}`);
    else if (s.minimum !== undefined) out.push(`≥ ${s.minimum}`);
    if (high !== undefined) out.push(`≤ ${high}`);
  }
  return out.length ? ` (${out.join(', ')})` : '';
}

function typeText(s: Schema): string {
  if (s.enum) return `one of ${s.enum.map((v) => (v === null ? 'null' : String(v))).join(' | ')}`;
  if ('const' in s) return JSON.stringify(s.const);
  const union = s.anyOf ?? s.oneOf;
  if (union) return [...new Set(union.map(typeText))].join(' or ');
  if (s.allOf) return 'object';
  const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : ['any'];
  return types
    .map((t) => {
      if (t === 'array') return `array of ${typeText(s.items ?? {})}`;
      if (t === 'object' && !s.properties && typeof s.additionalProperties === 'object')
        return `object of ${typeText(s.additionalProperties)}`;
      return t === 'string' || t === 'integer' || t === 'number' ? `${t}${limits(s)}` : t;
    })
    .join(' or ');
}

/** An object's properties and required names, intersections (`a.and(b)`) merged. */
function objectParts(s: Schema): { properties: Record<string, Schema>; required: string[] } | undefined {
  if (s.allOf) {
    const parts = s.allOf.map(objectParts).filter((p) => p !== undefined);
    return {
      properties: Object.assign({}, ...parts.map((p) => p.properties)),
      required: parts.flatMap((p) => p.required),
    };
  }
  if (s.properties) return { properties: s.properties, required: s.required ?? [] };
  return undefined;
}

function collect(s: Schema, prefix: string, out: InputField[], depth: number): void {
  const parts = objectParts(s);
  if (!parts) return;
  for (const [key, child] of Object.entries(parts.properties)) {
    const name = prefix ? `${prefix}.${key}` : key;
    // Nested: required within its parent object (which may itself be optional).
    const required = parts.required.includes(key);
    const nested = depth < 2 ? objectParts(child) : undefined;
    out.push({
      name,
      type: nested ? 'object' : typeText(child),
      required,
      ...(child.default !== undefined ? { default: child.default } : {}),
    });
    if (nested) collect(child, name, out, depth + 1);
  }
}

export function inputFields(schema: z.ZodType): InputField[] {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Schema;
  const fields: InputField[] = [];
  collect(json, '', fields, 0);
  return fields;
}

/** The help text of `leadledger api OPERATION --help`. */
export function inputHelp(name: string, description: string, schema: z.ZodType): string {
  const fields = inputFields(schema);
  const lines = [`${name}: ${description}`, '', `Usage: leadledger api ${name} [JSON | -] [--json]`, ''];
  if (fields.length === 0) return `${[...lines, 'Input: none ({})'].join('\n')}\n`;
  const width = Math.max(...fields.map((f) => f.name.length));
  const typeWidth = Math.min(60, Math.max(...fields.map((f) => f.type.length)));
  lines.push('Input fields (a JSON object):');
  for (const f of fields) {
    const flag = f.required
      ? 'required'
      : f.default !== undefined
        ? `optional, default ${JSON.stringify(f.default)}`
        : 'optional';
    lines.push(`  ${f.name.padEnd(width)}  ${f.type.padEnd(typeWidth)}  ${flag}`);
  }
  return `${lines.join('\n')}\n`;
}
