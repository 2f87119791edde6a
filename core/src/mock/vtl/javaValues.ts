/*
 * API Gateway runs templates on Java Velocity with a JSON library whose objects print in
 * two ways: a JSON object read from a payload is a Java map (`{a=1, b=x}`), a JSON array
 * is a JSON array that prints as JSON (`[{"c":5}]`), and lists built in the template
 * (`[1, 2]`) print Java style. Arrays that came from JSON are remembered here to tell
 * them apart.
 */

const jsonArrays = new WeakSet<object>();

/** Marks every array inside `value` as a JSON array; returns `value`. */
export function markJson<T>(value: T): T {
  if (Array.isArray(value)) {
    jsonArrays.add(value);
    for (const item of value) markJson(item);
  } else if (value !== null && typeof value === 'object') {
    for (const member of Object.values(value)) markJson(member);
  }
  return value;
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** How Java's `toString` would print a value inside a container (strings raw, null as `null`). */
function inner(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  return javaString(value);
}

/** The text Java Velocity writes for a value placed in the output. */
export function javaString(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return jsonArrays.has(value) ? JSON.stringify(value) : `[${value.map(inner).join(', ')}]`;
  if (value !== null && typeof value === 'object' && isPlainObject(value)) {
    return `{${Object.entries(value)
      .map(([k, v]) => `${k}=${inner(v)}`)
      .join(', ')}}`;
  }
  return String(value);
}
