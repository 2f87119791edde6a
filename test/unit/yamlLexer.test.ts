import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { Lexer } from 'yaml';
import { YamlLexer } from '../../core/src/document/yamlLexer';
import { randomEdit, seeded } from '../support/randomEdits';

/*
 * YamlLexer must give exactly the tokens of the yaml package's Lexer, on every text: the
 * fast path's reading rests on them. Real, generated, hand-made awkward and randomly
 * edited texts, token for token.
 */

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const SHARED = path.resolve(REPO_ROOT, '..', 'shared');

function libraryTokens(text: string): string[] {
  return [...new Lexer().lex(text)];
}

function ourTokens(text: string): string[] {
  const lexer = new YamlLexer(text);
  const out: string[] = [];
  for (let token = lexer.next(); token !== undefined; token = lexer.next()) out.push(token);
  return out;
}

/** Where the token lists first differ, or undefined. */
function difference(text: string): string | undefined {
  const expected = libraryTokens(text);
  const actual = ourTokens(text);
  const length = Math.max(expected.length, actual.length);
  for (let i = 0; i < length; i++) {
    if (expected[i] !== actual[i]) return `token ${i}: ${JSON.stringify(actual[i])} instead of ${JSON.stringify(expected[i])}`;
  }
  return undefined;
}

function files(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...files(full));
    else if (/\.(ya?ml|json|tpl)$/.test(name)) out.push(full);
  }
  return out;
}

const AWKWARD = [
  '',
  '\n',
  '   ',
  '# only a comment',
  '\uFEFFopenapi: 3.0.1\n',
  '%YAML 1.2\n---\na: 1\n...\n',
  '--- # doc\na: 1\n---\nb: 2\n',
  'a: |+\n  kept\n\n\nb: >-2\n    indented\n   less\n',
  'a: |\n\tTab\n',
  'a: |2-\n   x\n  y\n',
  'a: >\n\n  folded\n  more\n\n  para\n',
  'a: "multi\n  line \\" quote"\nb: \'it\'\'s\n  two\'\n',
  'a: plain\n  continued: not a key\n  # comment\n  more\n',
  'a: {b: [1, 2, {c: d}], "e": \'f\', g: }\n',
  'a: [\n  1,\n  2\n]\nb: {\n}\n',
  '[a, b]: c\n? complex\n: value\n',
  'a: &anchor !tag value\nb: *anchor\nc: !<tag:yaml.org,2002:str> x\nd: !e%21 y\n',
  'a:\r\n  b: c\r\n  d: "e\r\n    f"\r\n',
  'a: b\rc: d\r',
  'a: b\n\t- tab\n- c\n',
  'key: value # comment\nother:#no\nurl: http://x:80/y\ntime: 12:30:00\n',
  '- - a\n  - b\n- ? c\n  : d\n',
  'a: "unterminated\nb: c\n',
  "a: 'unterminated\n",
  'a: [unclosed\nb: c\n',
  'a: }\nb: ]\n',
  'a: b: c\n',
  '  indented: root\n  second: x\n',
  'a:\n  - b\n  -\n  - c: d\n    e: f\n',
  '"quoted key": 1\n\'single\': 2\n',
  'a: |\n  text\n...\n',
  'a: "x"#c\nb: \'y\' #c\n',
  'emoji: 😀\naccent: é\n',
  'a: b\n---\n',
  'a: @x\nb: `y`\nc: %z\n',
];

describe('document: YamlLexer against the yaml package Lexer (differential)', function () {
  this.timeout(300_000);

  it('gives the library tokens of hand-made awkward texts', function () {
    for (const text of AWKWARD) assert.equal(difference(text), undefined, JSON.stringify(text));
  });

  it('gives the library tokens of every corpus file, and of randomly edited copies', function () {
    const dir = path.join(SHARED, 'corpus');
    if (!existsSync(dir)) {
      console.log('skipped: corpus not present');
      this.skip();
    }
    const differences: string[] = [];
    const list = files(dir);
    list.forEach((file, i) => {
      const original = readFileSync(file, 'utf8');
      const name = path.relative(dir, file);
      const found = difference(original);
      if (found) differences.push(`${name}: ${found}`);
      if (original.length > 512 * 1024) return;
      const random = seeded(5000 + i);
      let text = original;
      for (let edit = 0; edit < 30; edit++) {
        text = randomEdit(text, random);
        const edited = difference(text);
        if (edited) {
          differences.push(`${name}, edit ${edit + 1}: ${edited}`);
          break;
        }
      }
    });
    assert.deepEqual(differences, []);
  });

  it('gives the library tokens of generated definitions', function () {
    const generators = [path.join(REPO_ROOT, 'bench', 'genSpec.mjs'), path.join(SHARED, 'bench', 'gen-apigw-spec.mjs')].filter((g) => existsSync(g));
    for (const generator of generators) {
      for (const format of ['yaml', 'json']) {
        const text = execFileSync(process.execPath, [generator, '--paths', '60', '--format', format], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
        assert.equal(difference(text), undefined, `${path.basename(generator)} ${format}`);
      }
    }
  });

  it('gives the library tokens of random character soup', function () {
    const random = seeded(42);
    const alphabet = ['a', 'b', ' ', ' ', '  ', '\n', '\r\n', '\r', '\t', ':', '-', '?', '#', '"', "'", '\\', '|', '>', '+', '2', '[', ']', '{', '}', ',', '&', '*', '!', '%', '@', '`', '.', '---', '...', '\uFEFF', '<', '>'];
    for (let n = 0; n < 3000; n++) {
      let text = '';
      const length = Math.floor(random() * 60);
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)];
      assert.equal(difference(text), undefined, JSON.stringify(text));
    }
  });
});
