import { compileUserRegex } from './backtracking';

/** Calls that turn their argument into a regex (a string argument too). */
const REGEX_CALL = /\.(?:match|matchAll|search)\(\s*(\S?)/g;
/** After one of these (or at the start), a `/` opens a regex literal rather than dividing. */
const BEFORE_REGEX = '(,=:[!&|?{};~';

function risk(source: string, flags: string): string | undefined {
  const compiled = compileUserRegex(source, flags);
  return 'unsafe' in compiled ? `its regex /${source}/ is not run: ${compiled.unsafe}` : undefined;
}

/**
 * Why the filters of a JSONPath (`$[?(@.name.match(/…/))]`, which the JSONPath library
 * evaluates with JavaScript's RegExp) would run a regex that can backtrack for exponential
 * time, or one made from the data itself; undefined when they run none of either. Regex
 * literals, string arguments of match/matchAll/search, and the calls' other arguments are
 * found by a single left-to-right scan.
 */
export function jsonPathRegexProblem(path: string): string | undefined {
  if (!path.includes('?(')) return undefined;
  for (const m of path.matchAll(REGEX_CALL)) {
    const argument = m[1];
    if (argument !== '' && argument !== ')' && !`"'/`.includes(argument)) return `.${m[0].slice(1, m[0].indexOf('('))}() is given a regex that is not written in the path, so it could be anything`;
  }
  let previous = '';
  for (let i = 0; i < path.length; i++) {
    const c = path[i];
    if (c === '"' || c === "'") {
      let end = i + 1;
      while (end < path.length && path[end] !== c) end += path[end] === '\\' ? 2 : 1;
      // A string given to match() and the like is compiled as a regex.
      if (/\.(?:match|matchAll|search)\(\s*$/.test(path.slice(Math.max(0, i - 16), i))) {
        const found = risk(path.slice(i + 1, end), '');
        if (found) return found;
      }
      i = end;
      previous = c;
    } else if (c === '/' && (previous === '' || BEFORE_REGEX.includes(previous))) {
      let end = i + 1;
      let inClass = false;
      for (; end < path.length && (inClass || path[end] !== '/'); end++) {
        if (path[end] === '\\') end++;
        else if (path[end] === '[') inClass = true;
        else if (path[end] === ']') inClass = false;
      }
      let flagsEnd = end + 1;
      while (flagsEnd < path.length && /[a-z]/.test(path[flagsEnd])) flagsEnd++;
      const found = risk(path.slice(i + 1, end), path.slice(end + 1, flagsEnd));
      if (found) return found;
      i = flagsEnd - 1;
      previous = '/';
    } else if (!/\s/.test(c)) previous = c;
  }
  return undefined;
}
