import type { CompileConfig } from 'velocityjs/dist/src/type';
import { javaString } from './javaValues';

type Handler = NonNullable<CompileConfig['customMethodHandlers']>[number];
type Payload = Parameters<Handler['match']>[0];

/** A Java regex as a JavaScript one: the same syntax for what templates use, plus a leading `(?i)`. */
export function javaRegex(source: string, global: boolean): RegExp {
  const insensitive = source.startsWith('(?i)');
  return new RegExp(insensitive ? source.slice(4) : source, `${global ? 'g' : ''}${insensitive ? 'i' : ''}`);
}

/** A Java replacement string as a JavaScript one (`\$` is a literal dollar in Java). */
function javaReplacement(text: string): string {
  return text.replace(/\\\$/g, '$$$$').replace(/\\\\/g, '\\');
}

function isMap(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;
}

function method(uid: string, name: string, applies: (context: unknown) => boolean, resolve: (payload: Payload) => unknown): Handler {
  return { uid: `apigw: ${uid}`, match: (p) => p.property === name && applies(p.context), resolve };
}

const isString = (c: unknown): boolean => typeof c === 'string';
const isList = (c: unknown): boolean => Array.isArray(c);
const asString = (p: Payload): string => p.context as string;
const arg = (p: Payload, i: number): string => String(p.params[i]);

/**
 * Methods of Java's String, List and Map that templates written for API Gateway call and
 * that JavaScript values lack or spell differently (`$s.length()`, `replaceAll` with a regex).
 */
export const JAVA_METHODS: Handler[] = [
  method('String.length', 'length', isString, (p) => asString(p).length),
  method('String.isEmpty', 'isEmpty', isString, (p) => asString(p).length === 0),
  method('String.contains', 'contains', isString, (p) => asString(p).includes(arg(p, 0))),
  method('String.equals', 'equals', isString, (p) => asString(p) === p.params[0]),
  method('String.equalsIgnoreCase', 'equalsIgnoreCase', isString, (p) => asString(p).toLowerCase() === arg(p, 0).toLowerCase()),
  method('String.matches', 'matches', isString, (p) => new RegExp(`^(?:${javaRegex(arg(p, 0), false).source})$`, javaRegex(arg(p, 0), false).flags).test(asString(p))),
  method('String.replaceAll', 'replaceAll', isString, (p) => asString(p).replace(javaRegex(arg(p, 0), true), javaReplacement(arg(p, 1)))),
  method('String.replaceFirst', 'replaceFirst', isString, (p) => asString(p).replace(javaRegex(arg(p, 0), false), javaReplacement(arg(p, 1)))),
  method('String.replace', 'replace', isString, (p) => asString(p).split(arg(p, 0)).join(arg(p, 1))),
  method('String.split', 'split', isString, (p) => {
    const parts = asString(p).split(javaRegex(arg(p, 0), false));
    // Java drops trailing empty strings.
    while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
    return parts;
  }),
  method('List.contains', 'contains', isList, (p) => (p.context as unknown[]).includes(p.params[0])),
  method('List.isEmpty', 'isEmpty', isList, (p) => (p.context as unknown[]).length === 0),
  method('Map.containsKey', 'containsKey', isMap, (p) => Object.prototype.hasOwnProperty.call(p.context, arg(p, 0))),
  method('Map.isEmpty', 'isEmpty', isMap, (p) => Object.keys(p.context as object).length === 0),
  method('Map.values', 'values', isMap, (p) => Object.values(p.context as object)),
  // Java's toString of a map or list, which templates search with `.contains(...)`.
  method('Object.toString', 'toString', (c) => isMap(c) || isList(c), (p) => javaString(p.context)),
];
