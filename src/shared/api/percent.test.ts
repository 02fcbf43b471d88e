import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { contract, operationNames } from './contract';
import { percent, percentFromText } from './fields';

type Path = (string | number)[];

/** The paths in an input schema where a field is the shared `percent` (through optional, nullable, unions…). */
function percentPaths(schema: z.core.$ZodType, path: Path = []): Path[] {
  if (schema === percent) return [path];
  const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
  switch (def.type) {
    case 'object':
      return Object.entries(def.shape as Record<string, z.core.$ZodType>).flatMap(([key, field]) =>
        percentPaths(field, [...path, key]),
      );
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      return percentPaths(def.innerType as z.core.$ZodType, path);
    case 'pipe':
      return percentPaths(def.in as z.core.$ZodType, path);
    case 'array':
      return percentPaths(def.element as z.core.$ZodType, [...path, 0]);
    case 'union':
      return (def.options as z.core.$ZodType[]).flatMap((option) => percentPaths(option, path));
    case 'intersection':
      return [...percentPaths(def.left as z.core.$ZodType, path), ...percentPaths(def.right as z.core.$ZodType, path)];
    default:
      return [];
  }
}

/** Every key of an input schema whose name says percent, wherever it stands. */
function percentNamedKeys(schema: z.core.$ZodType, path: Path = []): string[] {
  const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
  const inner = ['innerType', 'in', 'element', 'left', 'right']
    .map((k) => def[k] as z.core.$ZodType | undefined)
    .filter((s): s is z.core.$ZodType => s !== undefined);
  const options = def.type === 'union' ? (def.options as z.core.$ZodType[]) : [];
  const fields = def.type === 'object' ? Object.entries(def.shape as Record<string, z.core.$ZodType>) : [];
  return [
    ...fields.flatMap(([key, field]) => [
      ...(/percent/i.test(key) ? [[...path, key].join('.')] : []),
      ...percentNamedKeys(field, [...path, key]),
    ]),
    ...[...inner, ...options].flatMap((s) => percentNamedKeys(s, path)),
  ];
}

/** An input with `value` at `path` and nothing else. */
function inputWith(path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  return typeof head === 'number' ? [inputWith(rest, value)] : { [head!]: inputWith(rest, value) };
}

const inputs = operationNames.map((name) => [name, contract[name].input as z.core.$ZodType] as const);
const withPercent = inputs.flatMap(([name, schema]) => percentPaths(schema).map((path) => [name, path] as const));

describe('one percent everywhere (docs/domain.md §3)', () => {
  it('finds the percent fields of the contract', () => {
    const found = withPercent.map(([name, path]) => `${name} ${path.join('.')}`);
    expect(found).toEqual(
      expect.arrayContaining(['leads:create feePercent', 'leads:update feePercent', 'costs:create-commission percent']),
    );
  });

  it('every input field named for a percent is the shared percent field', () => {
    const shared = new Set(withPercent.map(([name, path]) => `${name} ${path.join('.')}`));
    const named = inputs.flatMap(([name, schema]) => percentNamedKeys(schema).map((key) => `${name} ${key}`));
    expect(named.length).toBeGreaterThan(0);
    expect(named.filter((field) => !shared.has(field))).toEqual([]);
  });

  it.each(withPercent.map(([name, path]) => [`${name} ${path.join('.')}`, name, path] as const))(
    '%s refuses 12.345 with the words of the form',
    (_, name, path) => {
      const result = (contract[name].input as z.ZodType).safeParse(inputWith(path, 12.345));
      expect(result.success).toBe(false);
      const issue = result.error!.issues.find((i) => i.path.join('.') === path.join('.'));
      expect(issue?.message).toBe('At most two decimals');
      expect(percentFromText('12.345')).toEqual({ ok: false, message: issue?.message });
    },
  );

  it('a form reads a percent as the API does', () => {
    expect(percentFromText(' 12.35 ')).toEqual({ ok: true, value: 12.35 });
    expect(percentFromText('0')).toEqual({ ok: true, value: 0 });
    expect(percentFromText('100')).toEqual({ ok: true, value: 100 });
    for (const text of ['100.01', '-1', '12.345', '0.001']) {
      const api = percent.safeParse(Number(text));
      expect(api.success).toBe(false);
      expect(percentFromText(text)).toEqual({ ok: false, message: api.error!.issues[0]!.message });
    }
    for (const text of ['', 'ten', '1e1', '12,5', '12.5%']) {
      expect(percentFromText(text)).toEqual({ ok: false, message: 'Enter a percent like 12.5' });
    }
  });
});
