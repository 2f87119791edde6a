import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { LineIndex } from '../../core/src/document/lineIndex';
import { readYamlBlocks } from '../../core/src/document/yamlBlockReader';
import { readYamlWithLibrary } from '../../core/src/document/yamlLibraryReader';
import { randomEdit, seeded } from '../support/randomEdits';
import { treeDifference } from './treeDifference';

/*
 * The block reader must read every text it accepts exactly as the yaml package does, and
 * hand every other text over (whatever is malformed included). Real, generated, hand-made
 * awkward and randomly edited texts; each one it accepts is compared node by node, with its
 * problems, against the library's reading.
 */

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const SHARED = path.resolve(REPO_ROOT, '..', 'shared');

/** What is wrong with the block reader's reading of `text`, if it accepts it; 'handed over' when it does not. */
function check(text: string): string | undefined | 'handed over' {
  const lines = new LineIndex(text);
  const ours = readYamlBlocks(text, lines);
  if (!ours) return 'handed over';
  const library = readYamlWithLibrary(text, lines);
  if (library.problems.some((p) => p.code === 'apigw.document.syntax')) return `accepted a text the library reports: ${library.problems[0].message}`;
  const tree = treeDifference(ours.root, library.root);
  if (tree !== undefined) return `trees differ at ${tree}`;
  try {
    assert.deepEqual(ours.problems, library.problems);
  } catch {
    return 'problems differ';
  }
  if (ours.aliases) return 'reports aliases';
  return undefined;
}

function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    const stat = statSync(full);
    if (stat.isDirectory()) out.push(...yamlFiles(full));
    else if (/\.ya?ml(\.tpl)?$/.test(name) && stat.size < 5 * 1024 * 1024) out.push(full);
  }
  return out;
}

const AWKWARD = [
  'a: 1\n',
  'a:\n  b: c\n  d:\n    - e\n    - f: g\n      h: i\n    -\n    - - j\n      - k\n',
  'a:\n- b\n- c\nd: e\n',
  'a: |\n  line\n\n  more\n\nb: >-\n  folded\n  text\n\n  para\n',
  'a: |-\n   deeper\n  less\n',
  'a: >\n\n  after blank\n',
  'a: >\n      \n  deeper blank first\n',
  'a: |\n  x\n      \n',
  'a: |\n  x\n      \nb: 1\n',
  'a: |+\n  kept\n\n',
  'a: |2\n   explicit\n',
  'a: | # comment\n  x\n',
  'a: |#bad\n  x\n',
  'a: "multi\n  line"\nb: \'single\n  line\'\n',
  'a: "escaped \\" \\n \\u00e9"\nb: \'it\'\'s\'\n',
  'a: "under\nindented"\n',
  'a: plain\n  continued\n\n  para\nb: x\n',
  'a: plain\n  # comment inside\n  more\n',
  'a: plain # comment\n  more\n',
  'a: x: y\n',
  'a: value:\n',
  'a: http://x:80/y#frag\nb: a#b\nc: a #b\n',
  'a: []\nb: {}\nc: [ ]\nd: [1]\n',
  'a: [] # c\nb: []x\n',
  'key : v\n',
  '"quoted": 1\n\'single\': 2\n"esc\\"aped": 3\n',
  '? complex\n: value\n',
  'a: &x 1\nb: *x\n',
  'a: !Ref x\n',
  '- a\n- b: c\n  d: e\n',
  '  indented: root\n  second: x\n',
  'a: 1\n  b: 2\n',
  'a: 1\nb: 2\na: 3\n',
  'a:\n  b: 1\n  b: 2\n',
  'a:    \n',
  'a:\n\n\n',
  '# only\n# comments\n',
  '',
  '---\na: 1\n',
  'a: 1\n...\n',
  'a: 1\n---\nb: 2\n',
  '%YAML 1.2\n---\na: 1\n',
  '\uFEFFa: 1\n',
  'a: 1\r\nb: 2\r\n',
  'a:\t1\n',
  'a: 1\t\n',
  'a: - b\n',
  '-a: 1\n?b: 2\n:c: 3\n',
  'a: -1\nb: ?x\nc: :y\nd: ---\ne: ~\nf: null\ng: true\nh: 0x1F\ni: .5\nj: 1e3\n',
  'a: ,b\n',
  'a: [b, c]\n',
  'a: {b: c}\n',
  'a: @x\n',
  'a: `x`\n',
  'a: %x\n',
  'a: |\n\tx\n',
  'a: "x"#c\n',
  'a: "x" #c\n',
  'a: "x" y\n',
  'a: ""\nb: \'\'\n',
  'é: 😀\n',
  'a: b\n c\n',
  '- x\n - y\n',
  'a:\n  - x\n   - y\n',
  'a:\n    - x\n  b: 1\n',
];

describe('document: the block reader against the yaml package (differential)', function () {
  this.timeout(300_000);

  it('reads hand-made awkward texts as the library does, or hands them over', function () {
    const differences = AWKWARD.map((text) => [text, check(text)]).filter(([, found]) => found !== undefined && found !== 'handed over');
    assert.deepEqual(differences, []);
    assert.ok(AWKWARD.filter((text) => check(text) === undefined).length > 20, 'most plain texts are read');
  });

  it('reads every corpus file it accepts as the library does, and randomly edited copies too', function () {
    const dir = path.join(SHARED, 'corpus');
    if (!existsSync(dir)) {
      console.log('skipped: corpus not present');
      this.skip();
    }
    const differences: string[] = [];
    let accepted = 0;
    let edits = 0;
    let editsAccepted = 0;
    const files = yamlFiles(dir);
    files.forEach((file, i) => {
      const name = path.relative(dir, file);
      const original = readFileSync(file, 'utf8');
      const found = check(original);
      if (found === undefined) accepted++;
      else if (found !== 'handed over') differences.push(`${name}: ${found}`);
      if (original.length > 512 * 1024) return;
      // Each edit is made to the original, so that most edited copies are still definitions.
      const random = seeded(7000 + i);
      for (let edit = 0; edit < 40; edit++) {
        const text = randomEdit(original, random);
        edits++;
        const edited = check(text);
        if (edited === undefined) editsAccepted++;
        else if (edited !== 'handed over') {
          differences.push(`${name}, edit ${edit + 1}: ${edited}`);
          break;
        }
      }
    });
    console.log(`      ${accepted} of ${files.length} corpus files read by the block reader; ${editsAccepted} of ${edits} edited copies`);
    assert.deepEqual(differences, []);
    assert.ok(accepted > files.length / 2, `only ${accepted} of ${files.length} files were read: the test says little`);
  });

  it('reads generated definitions as the library does', function () {
    const generators = [path.join(REPO_ROOT, 'bench', 'genSpec.mjs'), path.join(SHARED, 'bench', 'gen-apigw-spec.mjs')].filter((g) => existsSync(g));
    for (const generator of generators) {
      for (const paths of ['5', '60']) {
        const text = execFileSync(process.execPath, [generator, '--paths', paths], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
        assert.equal(check(text), undefined, `${path.basename(generator)} --paths ${paths}`);
      }
    }
  });

  it('never accepts what the library reads differently, on random lines of YAML', function () {
    const random = seeded(4242);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
    const words = ['a', 'b c', 'x:y', 'a#b', '1', '-1', 'true', '~', '"q"', "'s'", '"a\\"b"', '[]', '{}', '[a]', '|', '|-', '>', '>-', '', ':', '-', '?', '#', 'é', '"open', 'a: b'];
    const line = (): string => {
      const indent = ' '.repeat(pick([0, 0, 1, 2, 2, 3, 4, 4, 6]));
      switch (Math.floor(random() * 7)) {
        case 0:
          return `${indent}${pick(words)}: ${pick(words)}`;
        case 1:
          return `${indent}${pick(words)}:`;
        case 2:
          return `${indent}- ${pick(words)}`;
        case 3:
          return `${indent}- ${pick(words)}: ${pick(words)}`;
        case 4:
          return `${indent}# ${pick(words)}`;
        case 5:
          return `${indent}${pick(words)}${pick(['', ' #c', '  ', ' ', '\t'])}`;
        default:
          return '';
      }
    };
    const differences: string[] = [];
    let accepted = 0;
    for (let n = 0; n < 20_000; n++) {
      const count = 1 + Math.floor(random() * 8);
      const text = Array.from({ length: count }, line).join('\n') + pick(['\n', '']);
      const found = check(text);
      if (found === undefined) accepted++;
      else if (found !== 'handed over') differences.push(`${JSON.stringify(text)}: ${found}`);
    }
    assert.deepEqual(differences.slice(0, 10), []);
    assert.ok(accepted > 500, `only ${accepted} soups were read`);
  });
});
