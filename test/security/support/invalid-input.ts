import fc from 'fast-check';

/** A JSON Schema as the OpenAPI document carries it (generated from the routes' zod schemas). */
export type JsonSchema = {
  type?: string | string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  default?: unknown;
};

/** Strings an attacker tries first: markup, SQL, template and path tricks, control and bidi characters. */
export const HOSTILE_STRINGS = [
  '<img src=x onerror="window.__xss=1">',
  '"><script>window.__xss=1</script>',
  "' OR '1'='1' --",
  '1; DROP TABLE users; --',
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '{{7*7}}<%= 7*7 %>#{7*7}',
  '\u0000\u0001\u001f',
  '\u202eexe.pdf',
  '\r\nSet-Cookie: duban_session=stolen',
  '__proto__',
  'constructor',
  '%00%2e%2e%2f',
  '𠮷🙂\uFEFF',
  'NaN',
  '-0',
  '1e309',
] as const;

const typeOf = (value: unknown): string =>
  value === null
    ? 'null'
    : Array.isArray(value)
      ? 'array'
      : typeof value === 'number'
        ? 'number'
        : typeof value;

/** The JSON types a schema admits, or null when it admits anything (no type information). */
function allowedTypes(schema: JsonSchema): Set<string> | null {
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches) {
    const all = new Set<string>();
    for (const branch of branches) {
      const types = allowedTypes(branch);
      if (!types) return null;
      for (const t of types) all.add(t);
    }
    return all;
  }
  if (schema.const !== undefined) return new Set([typeOf(schema.const)]);
  if (schema.enum) return new Set(schema.enum.map(typeOf));
  if (schema.type === undefined) return null;
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  return new Set(types.map((t) => (t === 'integer' ? 'integer' : t)));
}

// Strings no number coercion can read (zod's z.coerce.number() turns "12" into 12).
const nonNumericString = fc
  .oneof(fc.constantFrom(...HOSTILE_STRINGS), fc.string())
  .map((s) => `x${s}`)
  .filter((s) => Number.isNaN(Number(s)));

/**
 * Values of the JSON types a schema does not admit. Booleans and null are left out where numbers
 * are admitted, because coercion reads them as 1 and 0.
 */
function wrongType(types: Set<string>): fc.Arbitrary<unknown>[] {
  const numeric = types.has('number') || types.has('integer');
  const out: fc.Arbitrary<unknown>[] = [];
  if (!types.has('string')) out.push(nonNumericString);
  if (!types.has('number') && !types.has('integer'))
    out.push(fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })));
  if (types.has('integer') && !types.has('number'))
    out.push(fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Number.isInteger(n)));
  if (!types.has('boolean') && !numeric) out.push(fc.boolean());
  if (!types.has('null') && !numeric) out.push(fc.constant(null));
  if (!types.has('array')) out.push(fc.array(nonNumericString, { minLength: 2, maxLength: 4 }));
  if (!types.has('object'))
    out.push(fc.dictionary(fc.constantFrom('$gt', '$ne', 'a', '0'), nonNumericString, { minKeys: 1 }));
  return out;
}

// Strings without white space, so zod's .trim() cannot bring them back under a limit.
const solidString = (minLength: number, maxLength: number) =>
  fc.string({ minLength, maxLength }).map((s) => s.replace(/\s/gu, '字'));

/** Values of the schema's own type that break one of its rules (length, range, enum, pattern). */
function brokenRule(schema: JsonSchema, types: Set<string>): fc.Arbitrary<unknown>[] {
  if (types.size !== 1 || schema.anyOf || schema.oneOf) return [];
  const [type] = [...types];
  const out: fc.Arbitrary<unknown>[] = [];
  if (type === 'string') {
    if (schema.enum) {
      const allowed = new Set(schema.enum);
      out.push(fc.oneof(fc.constantFrom(...HOSTILE_STRINGS), fc.string()).filter((s) => !allowed.has(s)));
    }
    if (schema.maxLength !== undefined) {
      const max = schema.maxLength;
      out.push(solidString(max + 1, max + 64));
    }
    if ((schema.minLength ?? 0) > 0) out.push(fc.constant(''));
    if (schema.pattern) {
      const pattern = new RegExp(schema.pattern, 'u');
      out.push(fc.oneof(fc.constantFrom(...HOSTILE_STRINGS), fc.string()).filter((s) => !pattern.test(s)));
    }
  }
  if (type === 'integer' || type === 'number') {
    if (schema.minimum !== undefined) out.push(fc.integer({ min: -1e9, max: Math.ceil(schema.minimum) - 1 }));
    if (schema.exclusiveMinimum !== undefined)
      out.push(fc.integer({ min: -1e9, max: Math.floor(schema.exclusiveMinimum) }));
    if (schema.maximum !== undefined && schema.maximum < 1e15)
      out.push(fc.integer({ min: Math.floor(schema.maximum) + 1, max: Math.floor(schema.maximum) + 1e6 }));
    if (schema.maximum !== undefined && schema.maximum >= 1e15) out.push(fc.constant(2 ** 60));
  }
  if (type === 'array') {
    if (schema.items) {
      const item = invalidValue(schema.items);
      if (item) out.push(fc.array(item, { minLength: 1, maxLength: 3 }));
    }
    if ((schema.minItems ?? 0) > 0) out.push(fc.constant([]));
    if (schema.maxItems !== undefined) {
      const max = schema.maxItems;
      out.push(fc.array(nonNumericString, { minLength: max + 1, maxLength: max + 3 }));
    }
  }
  if (type === 'object') {
    const invalid = invalidObject(schema);
    if (invalid) out.push(invalid);
  }
  return out;
}

/** Values the schema certainly refuses, or null when it refuses nothing (a schema without rules). */
export function invalidValue(schema: JsonSchema): fc.Arbitrary<unknown> | null {
  const types = allowedTypes(schema);
  if (!types) return null;
  const choices = [...wrongType(types), ...brokenRule(schema, types)];
  return choices.length > 0 ? fc.oneof(...choices) : null;
}

/**
 * Objects the schema certainly refuses: one property broken (the others left out), or a required
 * property missing. Null when every property admits anything and none is required.
 */
export function invalidObject(schema: JsonSchema): fc.Arbitrary<Record<string, unknown>> | null {
  const choices: fc.Arbitrary<Record<string, unknown>>[] = [];
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    const value = invalidValue(property);
    if (value) choices.push(value.map((v) => ({ [name]: v })));
  }
  if ((schema.required ?? []).length > 0) choices.push(fc.constant({}));
  return choices.length > 0 ? fc.oneof(...choices) : null;
}

/**
 * Values for a path or query parameter (always a string, or several when repeated) the schema
 * certainly refuses; null when any string is acceptable.
 */
export function invalidParameter(schema: JsonSchema): fc.Arbitrary<string | string[]> | null {
  const types = allowedTypes(schema);
  if (!types || types.has('array')) return null;
  const choices: fc.Arbitrary<string | string[]>[] = [
    // A repeated parameter arrives as an array, which no scalar schema takes.
    fc.array(nonNumericString, { minLength: 2, maxLength: 3 }),
  ];
  if (!types.has('string')) choices.push(nonNumericString);
  // Only strings and numbers can break a parameter's rule; a number travels as its decimal text.
  for (const broken of brokenRule(schema, types)) {
    choices.push(broken.map((v) => String(v)));
  }
  if (types.has('integer') && types.size === 1)
    choices.push(fc.constantFrom('1.5', '99999999999999999999999'));
  return fc.oneof(...choices);
}
