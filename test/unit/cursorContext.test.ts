import assert from 'node:assert/strict';
import { parseText } from '../../core/src/document/parse';
import { cursorContext, type CursorContext } from '../../core/src/language/cursorContext';
import { withCursor } from '../support/cursor';

function at(marked: string, format?: 'yaml' | 'json'): CursorContext {
  const { text, offset } = withCursor(marked);
  const context = cursorContext(parseText(text, format), offset);
  assert.ok(context, `no context in ${JSON.stringify(marked)}`);
  return context;
}

function lines(...l: string[]): string {
  return l.join('\n');
}

describe('cursorContext', () => {
  describe('YAML', () => {
    it('reads a half-typed key on its own line as a key of the object it is indented under', () => {
      const c = at(lines('paths:', '  /a:', '    get:', '      responses: {}', '      x-am‸', 'info: {}'));
      assert.equal(c.position, 'key');
      assert.deepEqual(c.path, ['paths', '/a', 'get']);
      assert.equal(c.prefix, 'x-am');
      assert.equal(c.column, 6);
      assert.equal(c.flow, false);
    });

    it('takes an empty line at the indentation of the object it is in, by the cursor column', () => {
      const text = lines('paths:', '  /a:', '    get:', '      x-amazon-apigateway-integration:', '        type: mock', '‸', 'info: {}');
      for (const [column, path] of [
        [8, ['paths', '/a', 'get', 'x-amazon-apigateway-integration']],
        [6, ['paths', '/a', 'get']],
        [4, ['paths', '/a']],
        [0, []],
      ] as const) {
        const c = at(text.replace('‸', `${' '.repeat(column)}‸`));
        assert.equal(c.position, 'key');
        assert.deepEqual(c.path, path, `column ${column}`);
        assert.equal(c.prefix, '');
      }
    });

    it('reads a word under `key:` whose value the parser took for a scalar as a key of that object', () => {
      const c = at(lines('paths:', '  /a:', '    get:', '      x-amazon-apigateway-integration:', '        ty‸', ''));
      assert.deepEqual([c.position, c.path, c.prefix], ['key', ['paths', '/a', 'get', 'x-amazon-apigateway-integration'], 'ty']);
    });

    it('reads a value after `key: ` with the path of the value', () => {
      const c = at(lines('x-amazon-apigateway-integration:', '  type: aw‸s #comment'));
      assert.equal(c.position, 'value');
      assert.deepEqual(c.path, ['x-amazon-apigateway-integration', 'type']);
      assert.equal(c.prefix, 'aw');
      assert.equal(c.column, 2);
      // The whole value is replaced, not the comment after it.
      assert.equal(c.replaceEnd - c.replaceStart, 'aws'.length);
    });

    it('knows the quote the user opened and replaces up to the closing one', () => {
      const { text, offset } = withCursor(lines('a:', "  $ref: '#/comp‸'"));
      const c = cursorContext(parseText(text), offset)!;
      assert.equal(c.quote, "'");
      assert.equal(c.prefix, '#/comp');
      assert.equal(text.slice(c.replaceStart, c.replaceEnd), "'#/comp'");
    });

    it('treats an unquoted # after `key: ` as the value being typed, not a comment', () => {
      const c = at(lines('a:', '  $ref: #/co‸'));
      assert.deepEqual([c.position, c.path, c.prefix], ['value', ['a', '$ref'], '#/co']);
    });

    it('counts sequence items, block and compact', () => {
      assert.deepEqual(at(lines('servers:', '  - url: a', '  - url: b', '    ‸')).path, ['servers', '1']);
      assert.deepEqual(at(lines('parameters:', '- name: a', '  in: path', '- ‸')).path, ['parameters', '1']);
      assert.deepEqual(at(lines('x:', '  - - a', '    - ‸')).path, ['x', '0', '1']);
      assert.deepEqual(at(lines('tags:', '  - name: a', '  - name: b', '    x-am‸')).path, ['tags', '1']);
    });

    it('sees that a key already has its colon', () => {
      const c = at(lines('a:', '  ty‸pe: aws'));
      assert.equal(c.colonFollows, true);
      assert.equal(c.replaceEnd - c.replaceStart, 'type'.length);
    });

    it('reads inside one-line and multi-line flow collections', () => {
      const one = at('a: {b: 1, c: [x, y‸]}\nd: 2');
      assert.deepEqual([one.position, one.path, one.prefix, one.flow], ['value', ['a', 'c', '1'], 'y', true]);
      const multi = at('a: {b: 1,\n  c‸: 2}\n');
      assert.deepEqual([multi.position, multi.path, multi.colonFollows], ['key', ['a'], true]);
    });

    it('is inside the text of a block scalar such as a mapping template', () => {
      const c = at(lines('a:', '  t: |', '    line1', '    $con‸', '  u: 1'));
      assert.equal(c.inText, true);
      assert.deepEqual(c.path, ['a', 't']);
      assert.equal(c.prefix, '$con');
    });

    it('still answers in a document with a syntax error, and not in a comment', () => {
      const c = at(lines('paths:', '  /a:', '    get:', '      responses: [1', '      x-am‸', '  /b: {'));
      assert.deepEqual([c.position, c.path], ['key', ['paths', '/a', 'get']]);
      const { text, offset } = withCursor('a: 1\n# x-am‸\n');
      assert.equal(cursorContext(parseText(text), offset), undefined);
    });

    it('finds the path of a deep cursor in a large file without reading the file from the top', () => {
      const body = Array.from({ length: 3000 }, (_, i) => `  /p${i}:\n    get:\n      responses: {}`).join('\n');
      const c = at(`paths:\n${body}\n      x-am‸\n`);
      assert.deepEqual(c.path, ['paths', '/p2999', 'get']);
    });
  });

  describe('JSON', () => {
    it('reads a half-typed quoted key, with or without its closing quote', () => {
      const closed = at('{"a": {"b": 1, "x-am‸"}, "c": 2}');
      assert.deepEqual([closed.position, closed.path, closed.prefix, closed.quote], ['key', ['a'], 'x-am', '"']);
      assert.equal(closed.replaceEnd - closed.replaceStart, '"x-am"'.length);
      const open = at('{"a": {"b": 1, "x-am‸}, "c": 2}');
      assert.deepEqual([open.position, open.path, open.prefix], ['key', ['a'], 'x-am']);
    });

    it('knows where commas are missing around the cursor', () => {
      const { text, offset } = withCursor('{\n  "a": {\n    "b": 1\n    ‸\n    "c": 2\n  }\n}');
      const c = cursorContext(parseText(text), offset)!;
      assert.equal(c.position, 'key');
      assert.deepEqual(c.path, ['a']);
      assert.equal(text.slice(c.commaBefore! - 1, c.commaBefore), '1');
      assert.equal(c.commaAfter, true);
      assert.equal(c.lineIndent, '    ');
    });

    it('reads values after a colon and array items', () => {
      const value = at('{\n  "a": {\n    "type": ‸\n    "b": 1\n  }\n}');
      assert.deepEqual([value.position, value.path, value.commaAfter], ['value', ['a', 'type'], true]);
      const item = at('{"a": [1 ‸]}');
      assert.deepEqual([item.position, item.path], ['value', ['a', '1']]);
      assert.notEqual(item.commaBefore, undefined);
    });

    it('reads a cursor among the entries of a large object from the last entry before it', () => {
      const entries = Array.from({ length: 3000 }, (_, i) => `    "/p${i}": {"get": {"responses": {}}}`).join(',\n');
      const separated = at(`{\n  "paths": {\n${entries},\n    "/ne‸"\n  }\n}`);
      assert.deepEqual([separated.position, separated.path, separated.prefix, separated.commaBefore], ['key', ['paths'], '/ne', undefined]);
      const { text, offset } = withCursor(`{\n  "paths": {\n${entries}\n    ‸\n  }\n}`);
      const unseparated = cursorContext(parseText(text), offset)!;
      assert.deepEqual(unseparated.path, ['paths']);
      assert.equal(text.slice(unseparated.commaBefore! - 3, unseparated.commaBefore), '}}}');
    });

    it('answers after the root object is closed with nothing', () => {
      const { text, offset } = withCursor('{"a": 1}\n‸');
      assert.equal(cursorContext(parseText(text), offset), undefined);
    });
  });
});

describe('cursorContext on hostile nesting', () => {
  it('reads a cursor 50,000 flow collections deep in linear time and memory (each level used to copy its whole path)', () => {
    const depth = 50_000;
    const text = `openapi: 3.0.1\nx: ${'['.repeat(depth)}${']'.repeat(depth)}\n`;
    const parsed = parseText(text);
    const before = process.memoryUsage().heapUsed;
    const started = performance.now();
    const context = cursorContext(parsed, text.indexOf('[') + depth / 2);
    // Before: 12 s and 3.8 GB, which took the language server down.
    assert.ok(performance.now() - started < 3000);
    assert.ok(process.memoryUsage().heapUsed - before < 200 * 1024 * 1024);
    assert.equal(context?.path.length, depth / 2 + 1);
  });
});
