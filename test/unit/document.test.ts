import assert from 'node:assert/strict';
import { LineIndex } from '../../core/src/document/lineIndex';
import { detectFormat, parseText, type ParsedText } from '../../core/src/document/parse';
import {
  escapeSegment,
  getProperty,
  joinPointer,
  nodeAtOffset,
  nodeAtPointer,
  pointerOf,
  propertyAtPointer,
  splitPointer,
} from '../../core/src/document/pointer';
import type { AnyNode, KeyNode, ValueNode } from '../../core/src/document/types';
import { toValue } from '../../core/src/document/value';
import { readYamlFast } from '../../core/src/document/yamlFastReader';
import { treeDifference } from './treeDifference';

const READERS = [
  { name: 'fast path', options: {} },
  { name: 'yaml library path', options: { forceSlowPath: true } },
];

function node(parsed: ParsedText, pointer: string): ValueNode {
  const found = nodeAtPointer(parsed.root, pointer);
  assert.ok(found, `no node at ${pointer}`);
  return found;
}

function source(parsed: ParsedText, n: AnyNode | KeyNode): string {
  return parsed.text.slice(n.offset, n.offset + n.length);
}

function sourceAt(parsed: ParsedText, pointer: string): string {
  return source(parsed, node(parsed, pointer));
}

function plain(parsed: ParsedText): unknown {
  return toValue(parsed.root).value;
}

/** Every node of the tree once (nodes shared through aliases are not entered twice). */
function allNodes(root: ValueNode | undefined): ValueNode[] {
  const seen = new Set<ValueNode>();
  const visit = (n: ValueNode | undefined): void => {
    if (n === undefined || seen.has(n)) return;
    seen.add(n);
    if (n.kind === 'object') for (const p of n.properties) visit(p.valueNode);
    if (n.kind === 'array') for (const item of n.items) visit(item);
  };
  visit(root);
  return [...seen];
}

function assertFastPathTakes(text: string): void {
  assert.ok(readYamlFast(text, new LineIndex(text)), 'the fast path gave up on this text');
}

describe('document: LineIndex', () => {
  it('maps offsets and positions for \\n, \\r\\n and lone \\r line ends', () => {
    const text = 'ab\ncd\r\nef\rgh';
    const lines = new LineIndex(text);
    assert.deepEqual(lines.positionAt(0), { line: 0, character: 0 });
    assert.deepEqual(lines.positionAt(text.indexOf('c')), { line: 1, character: 0 });
    assert.deepEqual(lines.positionAt(text.indexOf('e')), { line: 2, character: 0 });
    assert.deepEqual(lines.positionAt(text.indexOf('h')), { line: 3, character: 1 });
    assert.deepEqual(lines.positionAt(text.length), { line: 3, character: 2 });
    for (let offset = 0; offset <= text.length; offset++) {
      const pos = lines.positionAt(offset);
      // Offsets inside a \r\n pair have no position of their own; all others round-trip.
      if (!(text[offset - 1] === '\r' && text[offset] === '\n')) assert.equal(lines.offsetAt(pos), offset);
    }
  });

  it('clamps out-of-range input to the text and a character to the end of its line', () => {
    const lines = new LineIndex('abc\r\nde');
    assert.deepEqual(lines.positionAt(-5), { line: 0, character: 0 });
    assert.deepEqual(lines.positionAt(99), { line: 1, character: 2 });
    assert.equal(lines.offsetAt({ line: 0, character: 50 }), 3);
    assert.equal(lines.offsetAt({ line: 7, character: 0 }), 7);
    assert.equal(lines.offsetAt({ line: -1, character: 3 }), 0);
    assert.deepEqual(lines.range(1, 5), { start: { line: 0, character: 1 }, end: { line: 1, character: 1 } });
  });

  it('counts characters in UTF-16 code units, as LSP does', () => {
    const text = 'x: 😀é y';
    const lines = new LineIndex(text);
    assert.deepEqual(lines.positionAt(text.indexOf('y')), { line: 0, character: 7 });
  });
});

describe('document: format detection', () => {
  it('reads JSON when the first non-blank character is { or [, YAML otherwise', () => {
    assert.equal(detectFormat('  \n{"a": 1}'), 'json');
    assert.equal(detectFormat('\uFEFF[1]'), 'json');
    assert.equal(detectFormat('a: {b: 1}'), 'yaml');
    assert.equal(detectFormat(''), 'yaml');
    assert.equal(parseText('{"a": 1}').format, 'json');
    assert.equal(parseText('a: 1').format, 'yaml');
  });
});

for (const reader of READERS) {
  describe(`document: YAML ranges and values (${reader.name})`, () => {
    const parse = (text: string): ParsedText => parseText(text, 'yaml', reader.options);

    it('gives scalars the exact source text, quotes included', () => {
      const text = [
        'plain: hello world   # trailing comment',
        'double: "a \\"b\\" \\u00e9"',
        "single: 'it''s'",
        'multi: first',
        '  second',
        '',
        '  third',
        'number: 1.50',
        'hex: 0x1F',
        '',
      ].join('\n');
      const parsed = parse(text);
      assert.deepEqual(parsed.problems, []);
      assert.equal(sourceAt(parsed, '/plain'), 'hello world');
      assert.equal(sourceAt(parsed, '/double'), '"a \\"b\\" \\u00e9"');
      assert.equal(sourceAt(parsed, '/single'), "'it''s'");
      assert.equal(sourceAt(parsed, '/multi'), 'first\n  second\n\n  third');
      assert.equal(sourceAt(parsed, '/number'), '1.50');
      assert.deepEqual(plain(parsed), {
        plain: 'hello world',
        double: 'a "b" é',
        single: "it's",
        multi: 'first second\nthird',
        number: 1.5,
        hex: 31,
      });
      const number = node(parsed, '/number');
      assert.equal(number.kind === 'number' && number.source, '1.50');
      const hex = node(parsed, '/hex');
      assert.equal(hex.kind === 'number' && hex.source, '0x1F');
    });

    it('covers a block scalar from its indicator to the end of its last content line', () => {
      const text = 'lit: |\n  line 1\n    line 2\n\n\nfolded: >-\n  a\n  b\n\n  c\nkeep: |+ # note\n  x\n\nindented: |2\n    deep\nafter: 1\n';
      const parsed = parse(text);
      assert.deepEqual(parsed.problems, []);
      assert.equal(sourceAt(parsed, '/lit'), '|\n  line 1\n    line 2');
      assert.equal(sourceAt(parsed, '/folded'), '>-\n  a\n  b\n\n  c');
      assert.equal(sourceAt(parsed, '/keep'), '|+ # note\n  x');
      assert.equal(sourceAt(parsed, '/indented'), '|2\n    deep');
      assert.deepEqual(plain(parsed), {
        lit: 'line 1\n  line 2\n',
        folded: 'a b\nc',
        keep: 'x\n\n',
        indented: '  deep\n',
        after: 1,
      });
    });

    it('covers block collections from first key or dash to the end of the last value, flow ones by their brackets', () => {
      const text = 'map:\n  a: 1\n  b: [x, {y: z}]\nseq:\n  - one\n  - two: 2\n    three: 3\nsame:\n- s\nempty:\nlast: end\n';
      const parsed = parse(text);
      assert.deepEqual(parsed.problems, []);
      assert.equal(source(parsed, parsed.root as ValueNode), text.slice(0, -1));
      assert.equal(sourceAt(parsed, '/map'), 'a: 1\n  b: [x, {y: z}]');
      assert.equal(sourceAt(parsed, '/map/b'), '[x, {y: z}]');
      assert.equal(sourceAt(parsed, '/map/b/1'), '{y: z}');
      assert.equal(sourceAt(parsed, '/seq'), '- one\n  - two: 2\n    three: 3');
      assert.equal(sourceAt(parsed, '/seq/1'), 'two: 2\n    three: 3');
      assert.equal(sourceAt(parsed, '/same'), '- s');
      const property = propertyAtPointer(parsed.root, '/map/b');
      assert.ok(property);
      assert.equal(source(parsed, property), 'b: [x, {y: z}]');
      assert.equal(source(parsed, property.keyNode), 'b');
      const empty = node(parsed, '/empty');
      assert.equal(empty.kind, 'null');
      assert.equal(empty.offset, text.indexOf('empty:') + 'empty:'.length);
      assert.equal(empty.length, 0);
    });

    it('keeps quotes in a key range and gives every key its text as a string', () => {
      const text = '"quoted key": 1\n\'single\': 2\n200: ok\nnull: x\ntrue: y\n';
      const parsed = parse(text);
      const object = parsed.root;
      assert.ok(object?.kind === 'object');
      assert.deepEqual(
        object.properties.map((p) => [p.keyNode.value, source(parsed, p.keyNode)]),
        [['quoted key', '"quoted key"'], ['single', "'single'"], ['200', '200'], ['null', 'null'], ['true', 'true']],
      );
    });

    it('resolves plain scalars with the YAML 1.2 core schema', () => {
      const text = 'n: null\nt: ~\nb: true\nB: FALSE\nno: no\ni: -12\no: 0o17\nf: 1e3\ng: .5\ninf: -.inf\ns: 1_000\nq: "12"\nv: 1.0\n';
      const parsed = parse(text);
      const value = plain(parsed) as Record<string, unknown>;
      assert.deepEqual(value, {
        n: null, t: null, b: true, B: false, no: 'no', i: -12, o: 15, f: 1000, g: 0.5,
        inf: Number.NEGATIVE_INFINITY, s: '1_000', q: '12', v: 1,
      });
      const v = node(parsed, '/v');
      assert.equal(v.kind === 'number' && v.source, '1.0');
      assert.ok(Number.isNaN((plain(parse('x: .NaN')) as { x: number }).x));
    });

    it('accepts CloudFormation short tags silently, keeping the natural kind and the tag', () => {
      const tags = ['!Ref', '!Sub', '!GetAtt', '!Join', '!If', '!Select', '!Split', '!FindInMap', '!ImportValue',
        '!Base64', '!Cidr', '!GetAZs', '!Equals', '!And', '!Or', '!Not', '!Condition', '!MyOwnTag'];
      const text = tags.map((tag, i) => `k${i}: ${tag} value${i}`).join('\n') +
        '\nseq: !If\n  - cond\n  - a\nflow: !Join [",", [a, b]]\nmap: !Custom\n  k: 1\nnum: !Ref 123\nempty: !Ref\nnext:\n  !GetAtt Fn.Arn\n';
      const parsed = parse(text);
      assert.deepEqual(parsed.problems, []);
      tags.forEach((tag, i) => {
        const n = node(parsed, `/k${i}`);
        assert.equal(n.tag, tag);
        assert.equal(source(parsed, n), `value${i}`);
      });
      const seq = node(parsed, '/seq');
      assert.equal(seq.kind, 'array');
      assert.equal(seq.tag, '!If');
      assert.equal(source(parsed, seq), '- cond\n  - a');
      assert.equal(node(parsed, '/flow').tag, '!Join');
      assert.equal(sourceAt(parsed, '/flow'), '[",", [a, b]]');
      assert.equal(node(parsed, '/map').kind, 'object');
      assert.equal(node(parsed, '/map').tag, '!Custom');
      // An unknown tag makes a scalar a string, as the yaml package resolves it.
      assert.deepEqual({ ...node(parsed, '/num'), parent: undefined }, {
        kind: 'string', offset: text.indexOf('123'), length: 3, parent: undefined, value: '123', tag: '!Ref',
      });
      const empty = node(parsed, '/empty');
      assert.equal(empty.kind === 'string' && empty.value, '');
      assert.equal(empty.tag, '!Ref');
      assert.equal(node(parsed, '/next').tag, '!GetAtt');
      assert.equal(sourceAt(parsed, '/next'), 'Fn.Arn');
    });

    it('shares an anchored node with its aliases instead of copying it', () => {
      const text = 'base: &b\n  k: v\nflow: [&s x, *s]\nuse: *b\n';
      const parsed = parse(text);
      assert.deepEqual(parsed.problems, []);
      assert.equal(node(parsed, '/use'), node(parsed, '/base'));
      assert.equal(node(parsed, '/flow/1'), node(parsed, '/flow/0'));
      assert.equal(pointerOf(node(parsed, '/use')), '/base');
      const use = propertyAtPointer(parsed.root, '/use');
      assert.ok(use);
      assert.equal(source(parsed, use), 'use: *b');
      assert.deepEqual(plain(parsed), { base: { k: 'v' }, flow: ['x', 'x'], use: { k: 'v' } });
    });

    it('reports an unknown alias as an error', () => {
      const text = 'a: 1\nb: *nope\n';
      const parsed = parse(text);
      const errors = parsed.problems.filter((p) => p.severity === 'error');
      assert.equal(errors.length, 1);
      assert.equal(errors[0].code, 'apigw.document.syntax');
      assert.equal(text.slice(errors[0].offset, errors[0].offset + errors[0].length), '*nope');
      assert.equal(node(parsed, '/a').kind, 'number');
    });

    it('warns on a duplicate key at the second key, naming the first line, and keeps both', () => {
      const text = 'a: 1\nb:\n  c: 2\na: 3\n';
      const parsed = parse(text);
      assert.equal(parsed.problems.length, 1);
      const [problem] = parsed.problems;
      assert.equal(problem.code, 'apigw.document.duplicate-key');
      assert.equal(problem.severity, 'warning');
      assert.equal(problem.offset, text.lastIndexOf('a:'));
      assert.equal(problem.length, 1);
      assert.match(problem.message, /only the last/);
      assert.match(problem.message, /line 1\b/);
      const root = parsed.root;
      assert.ok(root?.kind === 'object');
      assert.equal(root.properties.length, 3);
      assert.equal(getProperty(root, 'a')?.valueNode?.offset, text.lastIndexOf('3'));
      assert.deepEqual(plain(parsed), { a: 3, b: { c: 2 } });
    });

    it('reads CRLF text with ranges that leave the line breaks out', () => {
      const text = 'a: 1\r\nb:\r\n  - x\r\n  - |\r\n    t\r\n    u\r\n\r\nc: "q"\r\n';
      const parsed = parse(text);
      assert.deepEqual(parsed.problems, []);
      assert.equal(sourceAt(parsed, '/b'), '- x\r\n  - |\r\n    t\r\n    u');
      assert.equal(sourceAt(parsed, '/b/1'), '|\r\n    t\r\n    u');
      assert.deepEqual(plain(parsed), { a: 1, b: ['x', 't\nu\n'], c: 'q' });
      assert.deepEqual(parsed.lines.positionAt(node(parsed, '/c').offset), { line: 7, character: 3 });
    });

    it('measures offsets in UTF-16 code units', () => {
      const text = '😀: "é"\nk: v 😀 w\n';
      const parsed = parse(text);
      const root = parsed.root;
      assert.ok(root?.kind === 'object');
      assert.equal(root.properties[0].keyNode.length, 2);
      assert.equal(node(parsed, '/k').offset, text.indexOf('v'));
      assert.equal(sourceAt(parsed, '/k'), 'v 😀 w');
      assert.deepEqual(parsed.lines.range(node(parsed, '/k').offset, node(parsed, '/k').length), {
        start: { line: 1, character: 3 },
        end: { line: 1, character: 9 },
      });
    });

    it('gives no root and no problem for empty, blank or comment-only text', () => {
      for (const text of ['', '   \n\n', '# just a comment\n', '\uFEFF']) {
        const parsed = parse(text);
        assert.equal(parsed.root, undefined, JSON.stringify(text));
        assert.deepEqual(parsed.problems, []);
      }
    });
  });
}

describe('document: the fast path', () => {
  it('takes the constructs API definitions use', () => {
    assertFastPathTakes('a: 1\nb:\n  - x\n  - {c: [1, "2"], d: \'e\'}\nf: |\n  text\ng: !Sub "${X}"\nh: &h 1\ni: *h\n');
    assertFastPathTakes('---\n# comment\nk:\n- |-\n  x\n- >+\n  y\n\n- - nested\n  - seq\n');
    assertFastPathTakes('a: 1\r\nb: "x"\r\n');
  });

  it('gives up on what it leaves to the yaml package (which then reads it)', () => {
    for (const text of ['? complex\n: key\n', 'a: 1\n---\nb: 2\n', '%YAML 1.2\n---\na: 1\n', 'a:\tb\n', 'a: !!str 1\n', 'a: b: c\n', 'a: 1\rb: 2\r']) {
      assert.equal(readYamlFast(text, new LineIndex(text)), undefined, JSON.stringify(text));
    }
  });
});

describe('document: YAML syntax errors', () => {
  it('reports an error at a small range and keeps the rest of the tree', () => {
    const text = 'openapi: 3.0.1\ninfo:\n  title: "unterminated\npaths: {}\n';
    const parsed = parseText(text);
    const errors = parsed.problems.filter((p) => p.severity === 'error');
    assert.ok(errors.length >= 1);
    for (const error of errors) {
      assert.equal(error.code, 'apigw.document.syntax');
      assert.ok(!text.slice(error.offset, error.offset + error.length).includes('\n'), 'range stays on one line');
      assert.ok(error.offset >= 0 && error.offset + error.length <= text.length);
    }
    assert.equal(sourceAt(parsed, '/openapi'), '3.0.1');
  });

  it('explains a misplaced nested mapping in plain words and keeps the parts around it', () => {
    const text = 'a: 1\nb: c: d\ne: 2\n';
    const parsed = parseText(text);
    const errors = parsed.problems.filter((p) => p.severity === 'error');
    assert.ok(errors.length >= 1);
    assert.doesNotMatch(errors.map((e) => e.message).join(' '), /-ind\b|map-value/);
    assert.equal(sourceAt(parsed, '/a'), '1');
  });

  it('reads only the first of several YAML documents and says so', () => {
    const text = 'a: 1\n---\nb: 2\n';
    const parsed = parseText(text);
    assert.deepEqual(plain(parsed), { a: 1 });
    assert.equal(parsed.problems.length, 1);
    assert.match(parsed.problems[0].message, /more than one YAML document/);
    assert.equal(parsed.problems[0].severity, 'error');
  });

  it('never throws, and keeps every range inside the text, whatever the input', () => {
    let seed = 7;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    const pieces = [' ', '\n', ':', '- ', '#', '"', "'", '|', '>', '[', ']', '{', '}', ',', '&a ', '*a', '!Ref ', '? ', '\t', '---\n', '\r\n', '\\'];
    const base = 'a: &a\n  b: [1, "two", {c: d}]\n  e: |\n    text\nf: *a\ng:\n- !Sub "x"\n- h: i\n';
    for (let i = 0; i < 300; i++) {
      let text = base;
      for (let k = 0; k < 3; k++) {
        const at = Math.floor(random() * text.length);
        text = random() < 0.4
          ? text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 3))
          : text.slice(0, at) + pieces[Math.floor(random() * pieces.length)] + text.slice(at);
      }
      for (const format of ['yaml', 'json'] as const) {
        const parsed = parseText(text, format);
        for (const n of allNodes(parsed.root)) {
          assert.ok(n.offset >= 0 && n.offset + n.length <= text.length, JSON.stringify(text));
        }
      }
      // Whenever the fast path takes a text, it must read it exactly as the yaml package does.
      const fast = readYamlFast(text, new LineIndex(text));
      if (fast !== undefined) {
        const slow = parseText(text, 'yaml', { forceSlowPath: true });
        assert.equal(treeDifference(fast.root, slow.root), undefined, JSON.stringify(text));
        assert.deepEqual(fast.problems, slow.problems, JSON.stringify(text));
      }
    }
  });
});

describe('document: JSON', () => {
  const text = '{\n  "a": [1, -2.5e3, true, null, "s\\u00e9\\n"],\n  "b": {},\n  "c~/d": {"e": "f"}\n}\n';

  it('gives every node its exact source range', () => {
    const parsed = parseText(text);
    assert.equal(parsed.format, 'json');
    assert.deepEqual(parsed.problems, []);
    assert.equal(source(parsed, parsed.root as ValueNode), text.trim());
    assert.equal(sourceAt(parsed, '/a'), '[1, -2.5e3, true, null, "s\\u00e9\\n"]');
    assert.equal(sourceAt(parsed, '/a/1'), '-2.5e3');
    assert.equal(sourceAt(parsed, '/a/4'), '"s\\u00e9\\n"');
    assert.equal(sourceAt(parsed, '/b'), '{}');
    const property = propertyAtPointer(parsed.root, '/c~0~1d');
    assert.ok(property);
    assert.equal(source(parsed, property), '"c~/d": {"e": "f"}');
    assert.equal(source(parsed, property.keyNode), '"c~/d"');
    assert.equal(property.keyNode.value, 'c~/d');
    const number = node(parsed, '/a/1');
    assert.equal(number.kind === 'number' && number.source, '-2.5e3');
  });

  it('gives the same tree as the yaml package reading the JSON', () => {
    const fast = parseText(text);
    const slow = parseText(text, 'json', { forceSlowPath: true });
    assert.equal(treeDifference(fast.root, slow.root), undefined);
  });

  it('produces what JSON.parse produces', () => {
    const inputs = [
      text,
      '[]',
      '{"__proto__": {"polluted": true}, "constructor": 1}',
      '{"a": 1, "a": 2, "b": [{"c": [[]]}]}',
      '"just a string \\ud83d\\ude00"',
      '[0, -0.0, 1E+2, 123456789012345678901234567890, "\\"\\\\\\/\\b\\f\\n\\r\\t"]',
    ];
    for (const input of inputs) {
      assert.deepEqual(plain(parseText(input, 'json')), JSON.parse(input), input);
    }
    const polluted = plain(parseText(inputs[2], 'json')) as Record<string, unknown>;
    assert.equal(Object.getPrototypeOf(polluted), Object.prototype);
    assert.ok(Object.prototype.hasOwnProperty.call(polluted, '__proto__'));
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  it('warns on duplicate keys as in YAML', () => {
    const parsed = parseText('{"a": 1,\n "a": 2}');
    assert.equal(parsed.problems.length, 1);
    assert.equal(parsed.problems[0].code, 'apigw.document.duplicate-key');
    assert.equal(parsed.problems[0].offset, 10);
  });

  it('reports syntax errors at the offending token and keeps reading', () => {
    const cases: Array<[string, string, unknown]> = [
      ['{"a": 1 "b": 2}', '"', { a: 1, b: 2 }],
      ['{"a": [1, 2,], "c": 3}', ',', { a: [1, 2], c: 3 }],
      ['{"a": tru, "b": 1}', 'tru', { a: null, b: 1 }],
      ['{"a": 1, b: 2}', 'b', { a: 1, b: 2 }],
      ['{"a" 1}', '1', { a: 1 }],
      ['[1, 2', '[', [1, 2]],
      ['{"a": {"b": 1}', '{', { a: { b: 1 } }],
      ['{"a": 01}', '01', { a: null }],
      ['{"a": "x\\q"}', '\\q', { a: 'x\\q' }],
      ['{"a": 1} x', 'x', { a: 1 }],
      ['// note\n[1]', '// note', [1]],
    ];
    for (const [input, offending, value] of cases) {
      const parsed = parseText(input, 'json');
      const errors = parsed.problems.filter((p) => p.severity === 'error');
      assert.ok(errors.length >= 1, input);
      assert.ok(
        errors.some((e) => input.slice(e.offset, e.offset + e.length) === offending),
        `${input}: ${JSON.stringify(errors)}`,
      );
      assert.deepEqual(plain(parsed), value, input);
    }
  });
});

describe('document: JSON pointers', () => {
  it('escapes ~ and / and splits and joins pointers', () => {
    assert.equal(escapeSegment('a/b~c'), 'a~1b~0c');
    assert.deepEqual(splitPointer('/a~1b/~01/'), ['a/b', '~1', '']);
    assert.deepEqual(splitPointer(''), []);
    assert.equal(joinPointer(['paths', '/pets/{id}', 'get']), '/paths/~1pets~1{id}/get');
    assert.equal(joinPointer(splitPointer('/x/~0~1/3')), '/x/~0~1/3');
  });

  for (const reader of READERS) {
    it(`round-trips the pointer of every node (${reader.name})`, () => {
      const text = 'paths:\n  /pets/{id}:\n    get:\n      x~y: [a, {b: c}]\n  "": empty key\n  "~1": tilde\nlist:\n  - - deep\n';
      const parsed = parseText(text, 'yaml', reader.options);
      const nodes = allNodes(parsed.root);
      assert.ok(nodes.length > 8);
      for (const n of nodes) {
        const pointer = pointerOf(n);
        assert.equal(nodeAtPointer(parsed.root, pointer), n, pointer);
        assert.equal(pointerOf(nodeAtPointer(parsed.root, pointer) as ValueNode), pointer);
      }
      assert.equal(sourceAt(parsed, '/paths/~1pets~1{id}/get/x~0y/1/b'), 'c');
      assert.equal(sourceAt(parsed, '/paths/'), 'empty key');
      assert.equal(sourceAt(parsed, '/paths/~01'), 'tilde');
      assert.equal(sourceAt(parsed, '/list/0/0'), 'deep');
      const property = propertyAtPointer(parsed.root, '/paths/~1pets~1{id}');
      assert.ok(property);
      assert.equal(pointerOf(property), '/paths/~1pets~1{id}');
      assert.equal(pointerOf(property.keyNode), '/paths/~1pets~1{id}');
      assert.equal(pointerOf(parsed.root as ValueNode), '');
      assert.equal(nodeAtPointer(parsed.root, ''), parsed.root);
      assert.equal(nodeAtPointer(parsed.root, '/list/01'), undefined);
      assert.equal(nodeAtPointer(parsed.root, '/list/5'), undefined);
      assert.equal(nodeAtPointer(parsed.root, '/nope/deeper'), undefined);
      assert.equal(propertyAtPointer(parsed.root, '/list/0'), undefined);
      assert.equal(propertyAtPointer(parsed.root, ''), undefined);
    });
  }

  it('finds the deepest key or value at an offset', () => {
    const text = 'outer:\n  key: value\n  list: [1, 22]\n';
    const parsed = parseText(text);
    const key = nodeAtOffset(parsed.root, text.indexOf('key') + 1);
    assert.equal(key?.kind, 'key');
    assert.equal(key?.kind === 'key' && key.value, 'key');
    assert.equal(nodeAtOffset(parsed.root, text.indexOf('value') + 5), node(parsed, '/outer/key'));
    assert.equal(nodeAtOffset(parsed.root, text.indexOf('22')), node(parsed, '/outer/list/1'));
    assert.equal(nodeAtOffset(parsed.root, text.indexOf('[')), node(parsed, '/outer/list'));
    assert.equal(nodeAtOffset(parsed.root, text.indexOf(': value') + 1), node(parsed, '/outer'));
    assert.equal(nodeAtOffset(parsed.root, text.length), undefined);
    assert.equal(nodeAtOffset(undefined, 0), undefined);
  });

  it('does not enter an aliased node where the alias stands', () => {
    const text = 'a: &x {k: v}\nb: *x\n';
    const parsed = parseText(text);
    assert.equal(nodeAtOffset(parsed.root, text.indexOf('*x') + 1), parsed.root);
  });

  it('gets the last of duplicate properties, the one API Gateway keeps', () => {
    const parsed = parseText('{"a": 1, "a": 2}');
    assert.ok(parsed.root?.kind === 'object');
    assert.equal(getProperty(parsed.root, 'a')?.valueNode?.offset, 14);
    assert.equal(getProperty(parsed.root, 'b'), undefined);
  });
});

describe('document: hostile nesting', () => {
  for (const [name, value] of [
    ['flow sequences', `${'['.repeat(50_000)}${']'.repeat(50_000)}`],
    ['flow mappings', `${'{a: '.repeat(50_000)}1${'}'.repeat(50_000)}`],
    ['flow mappings after a tab the fast path declines', `${'{a: '.repeat(50_000)}1${'}'.repeat(50_000)}\n\tb: 1`],
  ]) {
    it(`refuses ${name} 50,000 deep at once, saying where (the yaml package took seconds to overflow)`, () => {
      const text = `openapi: 3.0.1\nx-deep: ${value}\n`;
      const started = performance.now();
      const parsed = parseText(text);
      assert.ok(performance.now() - started < 1000);
      assert.equal(parsed.problems.length, 1, JSON.stringify(parsed.problems));
      assert.match(parsed.problems[0].message, /nest more than 500 levels deep/);
      assert.equal(parsed.problems[0].offset, text.indexOf('x-deep') + 8 + (value.startsWith('[') ? 500 : 2000));
    });
  }

  it('reads brackets in quoted strings and comments as text', () => {
    const parsed = parseText(`a: "${'['.repeat(600)}"\nb: '${'{'.repeat(600)}'\n# ${'['.repeat(600)}\n\tc: 1\n`);
    assert.ok(!parsed.problems.some((p) => /nest more than/.test(p.message)), JSON.stringify(parsed.problems));
  });
});

describe('document: toValue and alias bombs', () => {
  const bomb = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
  for (const [i, name] of [...'bcdefghij'].entries()) {
    const previous = 'abcdefghij'[i];
    bomb.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]`);
  }
  const bombText = `${bomb.join('\n')}\n`;

  for (const reader of READERS) {
    it(`keeps a billion-laughs document small in memory (${reader.name})`, () => {
      const parsed = parseText(bombText, 'yaml', reader.options);
      assert.ok(allNodes(parsed.root).length < 200);
      // Reported where the expansion passes the bound: 'f' holds 9^6 copies of "lol".
      assert.deepEqual(
        parsed.problems.map((p) => [p.code, bombText.slice(p.offset, p.offset + p.length)]),
        [['apigw.document.alias-expansion', 'f']],
      );
      assert.match(parsed.problems[0].message, /expand to about 10\^9 nodes from 20 written/);
    });
  }

  it('stops expanding aliases past maxNodes and says the value is truncated', () => {
    const parsed = parseText(bombText);
    const started = Date.now();
    const { value, truncated } = toValue(parsed.root, 100_000);
    assert.equal(truncated, true);
    assert.ok(Date.now() - started < 2000);
    let count = 0;
    const countNodes = (v: unknown): void => {
      count++;
      if (Array.isArray(v)) v.forEach(countNodes);
      else if (v !== null && typeof v === 'object') Object.values(v).forEach(countNodes);
    };
    countNodes(value);
    assert.ok(count <= 100_001, `${count} nodes`);
    assert.deepEqual(toValue(parseText('a: [1]').root), { value: { a: [1] }, truncated: false });
    assert.deepEqual(toValue(undefined), { value: undefined, truncated: false });
  });
});
