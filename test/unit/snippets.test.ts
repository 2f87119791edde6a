import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseText } from '../../core/src/document/parse';
import { lintText } from '../../core/src/lint';
import { expandSnippet } from '../../core/src/language/templateRender';

const REPO = path.resolve(__dirname, '..', '..', '..');

interface Snippet {
  prefix: string;
  description: string;
  body: string[];
}

interface Manifest {
  contributes: {
    snippets?: Array<{ language: string; path: string }>;
    grammars?: Array<{ scopeName: string; path: string; injectTo?: string[] }>;
  };
}

const manifest = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as Manifest;

function snippetsFor(language: 'yaml' | 'json'): Record<string, Snippet> {
  const entry = manifest.contributes.snippets?.find((s) => s.language === language);
  assert.ok(entry, `package.json contributes no ${language} snippets`);
  return JSON.parse(readFileSync(path.join(REPO, entry.path), 'utf8')) as Record<string, Snippet>;
}

/** The snippet as an editor inserts it with every default accepted, indented as the line it lands on. */
function expand(snippet: Snippet, indent = ''): string {
  return expandSnippet(snippet.body.join('\n'))
    .split('\n')
    .map((line, i) => (i === 0 || line === '' ? line : indent + line))
    .join('\n');
}

async function errors(text: string, name: string): Promise<string[]> {
  assert.deepEqual(parseText(text).problems.map((p) => p.message), [], text);
  const result = await lintText(`file:///api/${name}`, text, async () => undefined);
  return result.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message} @${d.pointer}\n${text}`);
}

/** Where each fragment goes in a document for it to be checked: the text around it and the indentation it gets. */
const HOSTS: Record<string, Record<'yaml' | 'json', { before: string; indent: string; after: string }>> = {
  'apigw-path-lambda': {
    yaml: { before: 'openapi: 3.0.1\ninfo: {title: T, version: "1"}\nx-amazon-apigateway-api-key-source: HEADER\npaths:\n  ', indent: '  ', after: '\n' },
    json: { before: '{\n  "openapi": "3.0.1",\n  "info": {"title": "T", "version": "1"},\n  "paths": {\n    ', indent: '    ', after: '\n  }\n}\n' },
  },
  'apigw-cors-options': {
    yaml: { before: 'openapi: 3.0.1\ninfo: {title: T, version: "1"}\nx-amazon-apigateway-api-key-source: HEADER\npaths:\n  /items:\n    ', indent: '    ', after: '\n' },
    json: { before: '{\n  "openapi": "3.0.1",\n  "info": {"title": "T", "version": "1"},\n  "paths": {\n    "/items": {\n      ', indent: '      ', after: '\n    }\n  }\n}\n' },
  },
};

describe('starter snippets', () => {
  it('are contributed for YAML and JSON with the same prefixes, and the grammar is injected into both', () => {
    const yaml = snippetsFor('yaml');
    const json = snippetsFor('json');
    assert.deepEqual(Object.values(yaml).map((s) => s.prefix).sort(), Object.values(json).map((s) => s.prefix).sort());
    assert.deepEqual(Object.values(yaml).map((s) => s.prefix).sort(), ['apigw-cors-options', 'apigw-http-api', 'apigw-path-lambda', 'apigw-rest-api']);
    const grammar = manifest.contributes.grammars?.find((g) => g.scopeName === 'apigw.injection');
    assert.ok(grammar && existsSync(path.join(REPO, grammar.path)));
    assert.deepEqual(grammar.injectTo, ['source.yaml', 'source.json']);
  });

  for (const language of ['yaml', 'json'] as const) {
    for (const [name, snippet] of Object.entries(snippetsFor(language))) {
      it(`${language}: "${name}" expands to ${HOSTS[snippet.prefix] ? 'a fragment that lints clean in its place' : 'a whole document that lints clean'}`, async () => {
        const file = `api.${language}`;
        const host = HOSTS[snippet.prefix]?.[language];
        const text = host ? host.before + expand(snippet, host.indent) + host.after : `${expand(snippet)}\n`;
        assert.deepEqual(await errors(text, file), []);
      });
    }
  }
});
