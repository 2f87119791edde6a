import assert from 'node:assert/strict';
import { parseText, type ParsedText } from '../../core/src/document/parse';
import { nodeAtPointer } from '../../core/src/document/pointer';
import { toValue } from '../../core/src/document/value';
import type { ArrayNode, KeyNode, ObjectNode } from '../../core/src/document/types';
import { appendItems, insertAtPath, insertProperty, renameKey, replaceScalar } from '../../core/src/edit/structuralEdits';
import { yamlScalar, type DataValue } from '../../core/src/edit/renderValue';
import { layoutOf } from '../../core/src/edit/textLayout';
import type { TextEdit } from '../../core/src/edit/textEdit';
import { applyEdits } from '../support/applyEdits';
import * as YAML from 'yaml';

function objectAt(doc: ParsedText, pointer: string): ObjectNode {
  const node = nodeAtPointer(doc.root, pointer);
  assert.equal(node?.kind, 'object', `object at ${pointer}`);
  return node as ObjectNode;
}

function arrayAt(doc: ParsedText, pointer: string): ArrayNode {
  const node = nodeAtPointer(doc.root, pointer);
  assert.equal(node?.kind, 'array', `array at ${pointer}`);
  return node as ArrayNode;
}

/** Applies the edit, checks the result parses cleanly, and returns its text and value. */
function apply(doc: ParsedText, edit: TextEdit | undefined): { text: string; value: unknown } {
  assert.ok(edit, 'an edit');
  const text = applyEdits(doc.text, [edit]);
  const reparsed = parseText(text, doc.format);
  assert.deepEqual(reparsed.problems, [], `clean parse of:\n${text}`);
  if (doc.format === 'yaml') assert.deepEqual(YAML.parse(text), toValue(reparsed.root).value, 'yaml library agrees');
  else assert.deepEqual(JSON.parse(text), toValue(reparsed.root).value, 'JSON.parse agrees');
  return { text, value: toValue(reparsed.root).value };
}

const PARAM: DataValue = { name: 'page', in: 'query', schema: { type: 'string' } };

describe('structural edits: insert into YAML and JSON keeping the style', () => {
  it('adds a property to a block mapping at the indentation of its siblings', () => {
    const doc = parseText('paths:\n    /a:\n        get:\n            summary: x # note\nother: 1\n');
    const { text } = apply(doc, insertProperty(doc, objectAt(doc, '/paths/~1a/get'), 'parameters', [PARAM]));
    assert.equal(
      text,
      'paths:\n    /a:\n        get:\n            summary: x # note\n            parameters:\n                - name: page\n                  in: query\n                  schema:\n                      type: string\nother: 1\n',
    );
  });

  it('inserts before a named sibling, and inside an array item mapping', () => {
    const doc = parseText('list:\n  - responses: {}\n    b: 1\n');
    const { text, value } = apply(doc, insertProperty(doc, objectAt(doc, '/list/0'), 'parameters', [], ['responses']));
    assert.equal(text, 'list:\n  - parameters: []\n    responses: {}\n    b: 1\n');
    assert.deepEqual(Object.keys((value as { list: Array<Record<string, unknown>> }).list[0]), ['parameters', 'responses', 'b']);
  });

  it('adds after a block scalar and at the end of a file without a final newline', () => {
    const doc = parseText('a:\n  t: |\n    line1\n    line2\n  u: 2');
    const { text, value } = apply(doc, insertProperty(doc, objectAt(doc, '/a'), 'v', { w: "'*'" }));
    assert.equal(text, 'a:\n  t: |\n    line1\n    line2\n  u: 2\n  v:\n    w: "\'*\'"');
    assert.deepEqual(value, { a: { t: 'line1\nline2\n', u: 2, v: { w: "'*'" } } });
  });

  it('keeps CRLF line breaks', () => {
    const doc = parseText('a:\r\n  b: 1\r\nc: 2\r\n');
    const { text } = apply(doc, insertProperty(doc, objectAt(doc, '/a'), 'x', { w: ['z'] }));
    assert.equal(text, 'a:\r\n  b: 1\r\n  x:\r\n    w:\r\n      - z\r\nc: 2\r\n');
  });

  it('adds to YAML flow mappings, empty or not, in flow style', () => {
    const doc = parseText('a: {b: 1}\nc: {}\n');
    assert.equal(apply(doc, insertProperty(doc, objectAt(doc, '/a'), 'schema', { type: 'string' })).text, 'a: {b: 1, schema: {type: string}}\nc: {}\n');
    assert.equal(apply(doc, insertProperty(doc, objectAt(doc, '/c'), 'k', 'a: b, c')).text, 'a: {b: 1}\nc: {k: "a: b, c"}\n');
    assert.equal(apply(doc, insertProperty(doc, objectAt(doc, '/a'), 'first', 1, ['b'])).text, 'a: {first: 1, b: 1}\nc: {}\n');
  });

  it('adds to pretty JSON with commas and the file indentation, tabs included', () => {
    const doc = parseText('{\n    "a": {\n        "b": 1\n    },\n    "e": {}\n}\n');
    assert.equal(
      apply(doc, insertProperty(doc, objectAt(doc, '/a'), 'c', { d: [1] })).text,
      '{\n    "a": {\n        "b": 1,\n        "c": {\n            "d": [\n                1\n            ]\n        }\n    },\n    "e": {}\n}\n',
    );
    assert.equal(apply(doc, insertProperty(doc, objectAt(doc, '/e'), 'x', true)).text, '{\n    "a": {\n        "b": 1\n    },\n    "e": {\n        "x": true\n    }\n}\n');
    assert.equal(apply(doc, insertProperty(doc, objectAt(doc, ''), 'z', 'q', ['e'])).text, '{\n    "a": {\n        "b": 1\n    },\n    "z": "q",\n    "e": {}\n}\n');
    const tabs = parseText('{\r\n\t"a": 1\r\n}');
    assert.equal(apply(tabs, insertProperty(tabs, objectAt(tabs, ''), 'b', { c: 2 })).text, '{\r\n\t"a": 1,\r\n\t"b": {\r\n\t\t"c": 2\r\n\t}\r\n}');
  });

  it('adds to one-line JSON on the same line', () => {
    const doc = parseText('{"a": {"b": 1}, "e": {}}');
    assert.equal(apply(doc, insertProperty(doc, objectAt(doc, '/a'), 'c', { d: 'x' })).text, '{"a": {"b": 1, "c": {"d": "x"}}, "e": {}}');
    assert.equal(apply(doc, insertProperty(doc, objectAt(doc, '/e'), 'c', [1, 2])).text, '{"a": {"b": 1}, "e": {"c": [1, 2]}}');
  });

  it('appends items to block, flow and JSON sequences', () => {
    const block = parseText('p:\n- name: a\n  in: path\nq: 1\n');
    assert.equal(apply(block, appendItems(block, arrayAt(block, '/p'), [PARAM])).text, 'p:\n- name: a\n  in: path\n- name: page\n  in: query\n  schema:\n    type: string\nq: 1\n');
    const flow = parseText('p: [a]\nq: []\n');
    assert.equal(apply(flow, appendItems(flow, arrayAt(flow, '/p'), [{ x: 'y z' }])).text, 'p: [a, {x: y z}]\nq: []\n');
    assert.equal(apply(flow, appendItems(flow, arrayAt(flow, '/q'), ['b'])).text, 'p: [a]\nq: [b]\n');
    const json = parseText('{\n  "p": [\n    {"name": "a"}\n  ],\n  "q": []\n}');
    assert.equal(apply(json, appendItems(json, arrayAt(json, '/p'), [{ name: 'b' }])).text, '{\n  "p": [\n    {"name": "a"},\n    {\n      "name": "b"\n    }\n  ],\n  "q": []\n}');
    assert.equal(apply(json, appendItems(json, arrayAt(json, '/q'), ['x'])).text, '{\n  "p": [\n    {"name": "a"}\n  ],\n  "q": [\n    "x"\n  ]\n}');
  });

  it('appends several items in order, in each style', () => {
    const block = parseText('p:\n  - a\n');
    assert.equal(apply(block, appendItems(block, arrayAt(block, '/p'), ['b', { c: 'd', e: 'f' }])).text, 'p:\n  - a\n  - b\n  - c: d\n    e: f\n');
    const flow = parseText('p: [a]\n');
    assert.equal(apply(flow, appendItems(flow, arrayAt(flow, '/p'), ['b', 'c'])).text, 'p: [a, b, c]\n');
    const json = parseText('{\n  "p": [\n    1\n  ]\n}');
    assert.equal(apply(json, appendItems(json, arrayAt(json, '/p'), [2, 3])).text, '{\n  "p": [\n    1,\n    2,\n    3\n  ]\n}');
    const empty = parseText('{\n  "p": []\n}');
    assert.equal(apply(empty, appendItems(empty, arrayAt(empty, '/p'), [2, 3])).text, '{\n  "p": [\n    2,\n    3\n  ]\n}');
  });

  it('creates the missing objects of a path, or gives up on a non-object', () => {
    const doc = parseText('openapi: 3.0.1\ncomponents:\n  schemas: {}\npaths: {}\n');
    const root = objectAt(doc, '');
    assert.equal(
      apply(doc, insertAtPath(doc, root, ['components', 'securitySchemes'], 'k', { type: 'apiKey' })).text,
      'openapi: 3.0.1\ncomponents:\n  schemas: {}\n  securitySchemes:\n    k:\n      type: apiKey\npaths: {}\n',
    );
    assert.equal(apply(doc, insertAtPath(doc, root, ['x', 'w'], 'k', 1, ['paths'])).text, 'openapi: 3.0.1\ncomponents:\n  schemas: {}\nx:\n  w:\n    k: 1\npaths: {}\n');
    assert.equal(insertAtPath(doc, root, ['openapi', 'y'], 'k', 1), undefined);
  });

  it('replaces scalars and keys keeping their quotes', () => {
    const doc = parseText('a: "GET"\nb: \'get\'\nc: get\n"d": {e: f}\n');
    const key = (objectAt(doc, '').properties[3].keyNode) as KeyNode;
    const edits = [
      replaceScalar(doc, nodeAtPointer(doc.root, '/a')!, 'POST'),
      replaceScalar(doc, nodeAtPointer(doc.root, '/b')!, "it's"),
      replaceScalar(doc, nodeAtPointer(doc.root, '/c')!, 'x: y'),
      replaceScalar(doc, nodeAtPointer(doc.root, '/d/e')!, 'a,b'),
      renameKey(doc, key, 'dd'),
    ];
    assert.equal(applyEdits(doc.text, edits), 'a: "POST"\nb: \'it\'\'s\'\nc: "x: y"\n"dd": {e: "a,b"}\n');
    const json = parseText('{"httpMethod": "GET"}');
    assert.equal(applyEdits(json.text, [replaceScalar(json, nodeAtPointer(json.root, '/httpMethod')!, 'POST')]), '{"httpMethod": "POST"}');
  });

  it('writes block values plain where flow style would need quotes', () => {
    const doc = parseText('a:\n  b: 1\n');
    const { text } = apply(doc, insertProperty(doc, objectAt(doc, '/a'), 'c', { uri: 'arn:aws:lambda:x', list: ['a,b', 'x: y'] }));
    assert.equal(text, 'a:\n  b: 1\n  c:\n    uri: arn:aws:lambda:x\n    list:\n      - a,b\n      - "x: y"\n');
  });

  it('writes scalars YAML reads back as the same string', () => {
    const samples = ['plain', '200', 'true', 'No', '', ' x', 'a: b', 'a #b', "'*'", '{"statusCode": 200}', 'it\'s "q"', 'line\nbreak', 'arn:aws:lambda:x', '-x', '@x', 'x,y', '[x]', '~', '1e3', '.5', '/books/{id}', 'Ä'];
    for (const s of samples) {
      for (const flow of [false, true]) {
        const text = flow ? `k: [${yamlScalar(s, true)}]` : `k: ${yamlScalar(s, false)}`;
        assert.deepEqual(YAML.parse(text), { k: flow ? [s] : s }, `${JSON.stringify(s)} as ${text}`);
      }
    }
  });

  it('reads the layout: line breaks and the indentation step', () => {
    assert.deepEqual(layoutOf(parseText('a:\n    b:\n        c: 1\n')), { eol: '\n', unit: '    ' });
    assert.deepEqual(layoutOf(parseText('a:\r\n  b: 1\r\n')), { eol: '\r\n', unit: '  ' });
    assert.deepEqual(layoutOf(parseText('{\n\t"a": 1\n}')), { eol: '\n', unit: '\t' });
    assert.deepEqual(layoutOf(parseText('a: 1')), { eol: '\n', unit: '  ' });
  });
});
