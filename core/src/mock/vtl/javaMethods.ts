import type { CompileConfig } from 'velocityjs/dist/src/type';
import { compileUserRegex } from '../../regex/backtracking';
import { javaString } from './javaValues';

type Handler = NonNullable<CompileConfig['customMethodHandlers']>[number];
type Payload = Parameters<Handler['match']>[0];

const compiledRegexes = new Map<string, RegExp | Error>();

/**
 * A Java regex as a JavaScript one: the same syntax for what templates use, plus a leading
 * `(?i)`. One that could backtrack for exponential time is refused like an invalid one: the
 * template fails with a note, and the emulator does not hang.
 */
function javaRegex(source: string, use: 'first' | 'all' | 'whole'): RegExp {
  const key = `${use} ${source}`;
  let found = compiledRegexes.get(key);
  if (found === undefined) {
    const insensitive = source.startsWith('(?i)');
    const written = insensitive ? source.slice(4) : source;
    // Java's String.matches takes the whole string.
    const body = use === 'whole' ? `^(?:${written})$` : written;
    const compiled = compileUserRegex(body, `${use === 'all' ? 'g' : ''}${insensitive ? 'i' : ''}`);
    if ('regex' in compiled) found = compiled.regex;
    else found = new Error('invalid' in compiled ? `invalid regex '${written}': ${compiled.invalid}` : `regex '${written}' not run: ${compiled.unsafe}`);
    // Templates may build patterns from request data; keep the compiled ones bounded.
    if (compiledRegexes.size > 500) compiledRegexes.clear();
    compiledRegexes.set(key, found);
  }
  if (found instanceof Error) throw found;
  // A global regex keeps lastIndex between uses; String.replace resets it, but start clean anyway.
  found.lastIndex = 0;
  return found;
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
  method('String.matches', 'matches', isString, (p) => javaRegex(arg(p, 0), 'whole').test(asString(p))),
  method('String.replaceAll', 'replaceAll', isString, (p) => asString(p).replace(javaRegex(arg(p, 0), 'all'), javaReplacement(arg(p, 1)))),
  method('String.replaceFirst', 'replaceFirst', isString, (p) => asString(p).replace(javaRegex(arg(p, 0), 'first'), javaReplacement(arg(p, 1)))),
  method('String.replace', 'replace', isString, (p) => asString(p).split(arg(p, 0)).join(arg(p, 1))),
  method('String.split', 'split', isString, (p) => {
    const parts = asString(p).split(javaRegex(arg(p, 0), 'first'));
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
