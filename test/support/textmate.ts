import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, parseRawGrammar, Registry, type IGrammar } from 'vscode-textmate';

const REPO = path.resolve(__dirname, '..', '..', '..');
export const INJECTION = path.join(REPO, 'syntaxes', 'apigw.injection.tmLanguage.json');

let wasm: Promise<void> | undefined;

/** oniguruma's WASM can be loaded once per process. */
function loadOniguruma(): Promise<void> {
  wasm ??= oniguruma.loadWASM(readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer as ArrayBuffer);
  return wasm;
}

/** Grammars by scope name: the repository's injection plus the given host grammars. */
export async function loadGrammar(scopeName: string, grammars: ReadonlyMap<string, string>): Promise<IGrammar> {
  await loadOniguruma();
  const files = new Map(grammars);
  files.set('apigw.injection', INJECTION);
  const registry = new Registry({
    onigLib: Promise.resolve({ createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns), createOnigString: (s) => new oniguruma.OnigString(s) }),
    loadGrammar: async (scope) => {
      const file = files.get(scope);
      return file ? parseRawGrammar(readFileSync(file, 'utf8'), file) : null;
    },
    getInjections: (scope) => (scope === 'source.yaml' || scope === 'source.json' ? ['apigw.injection'] : undefined),
  });
  const grammar = await registry.loadGrammar(scopeName);
  if (!grammar) throw new Error(`no grammar for ${scopeName}`);
  return grammar;
}

export interface Token {
  text: string;
  scopes: string[];
}

/** Tokens of each line of `text`. */
export function tokenize(grammar: IGrammar, text: string): Token[][] {
  let state = INITIAL;
  return text.split('\n').map((line) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    return result.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
  });
}

/** The stand-in host grammars in test/fixtures/grammars. */
export function standInGrammars(): Map<string, string> {
  const dir = path.join(REPO, 'test', 'fixtures', 'grammars');
  return new Map([
    ['source.yaml', path.join(dir, 'yaml.tmLanguage.json')],
    ['source.json', path.join(dir, 'json.tmLanguage.json')],
  ]);
}

/**
 * VS Code's own YAML and JSON grammars, from the `extensions` folder of a VS Code install
 * named by APIGW_VSCODE_EXTENSIONS; undefined when it is not set or not there.
 */
export function vscodeGrammars(): Map<string, string> | undefined {
  const root = process.env.APIGW_VSCODE_EXTENSIONS;
  if (!root || !existsSync(path.join(root, 'yaml')) || !existsSync(path.join(root, 'json'))) return undefined;
  const out = new Map<string, string>();
  for (const extension of ['yaml', 'json']) {
    const manifest = JSON.parse(readFileSync(path.join(root, extension, 'package.json'), 'utf8')) as { contributes?: { grammars?: Array<{ scopeName: string; path: string }> } };
    for (const g of manifest.contributes?.grammars ?? []) out.set(g.scopeName, path.join(root, extension, g.path));
  }
  return out;
}
