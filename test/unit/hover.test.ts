import assert from 'node:assert/strict';
import { EXTENSIONS } from '../../core/src/catalog';
import type { FieldSpec, Placement } from '../../core/src/catalog/types';
import { lintText } from '../../core/src/lint';
import { hover, type HoverResult } from '../../core/src/language/hover';
import { withCursor } from '../support/cursor';

async function hoverAt(marked: string, options: { name?: string; files?: Record<string, string> } = {}): Promise<HoverResult | undefined> {
  const { text, offset } = withCursor(marked);
  const uri = `file:///api/${options.name ?? 'api.yaml'}`;
  const result = await lintText(uri, text, async (u) => options.files?.[u.replace('file:///api/', '')]);
  return hover({ set: result.set, model: result.model, uri, offset });
}

async function markdownAt(marked: string, options: { name?: string; files?: Record<string, string> } = {}): Promise<string> {
  const found = await hoverAt(marked, options);
  assert.ok(found, `no hover in ${marked}`);
  return found.markdown;
}

const HOSTS: Record<Placement, string[]> = {
  root: [],
  pathItem: ['paths', '/a'],
  operation: ['paths', '/a', 'get'],
  securityScheme: ['components', 'securitySchemes', 'S'],
  server: ['servers', '0'],
  components: ['components'],
  tag: ['tags', '0'],
};

/** A YAML document that writes `segments` as nested keys (a number is an array item), with the cursor on the last key. */
function documentFor(segments: readonly string[]): string {
  const lines = ['openapi: 3.0.1'];
  let indent = '';
  let item = false;
  segments.forEach((segment, i) => {
    if (/^\d+$/.test(segment)) {
      item = true;
      return;
    }
    const key = JSON.stringify(segment);
    lines.push(`${indent}${item ? '- ' : ''}${i === segments.length - 1 ? `${key.slice(0, 2)}‸${key.slice(2)}` : key}:`);
    if (item) indent += '  ';
    item = false;
    indent += '  ';
  });
  return `${lines.join('\n')}\n`;
}

/** Every property of every extension's value, with the path that reaches it (array items as 0, map keys as a sample). */
function catalogFields(): Array<{ segments: string[]; spec: FieldSpec }> {
  const out: Array<{ segments: string[]; spec: FieldSpec }> = [];
  const walk = (spec: FieldSpec, segments: string[]) => {
    for (const [name, child] of Object.entries(spec.properties ?? {})) {
      out.push({ segments: [...segments, name], spec: child });
      walk(child, [...segments, name]);
    }
    if (spec.items) walk(spec.items, [...segments, '0']);
    if (spec.values) walk(spec.values, [...segments, 'DEFAULT_4XX']);
  };
  for (const ext of EXTENSIONS) walk(ext.value, [...HOSTS[ext.placements[0]], ext.name]);
  return out;
}

describe('hover', () => {
  it('documents every extension and every field of the catalog where it is written', async function () {
    let extensions = 0;
    for (const ext of EXTENSIONS) {
      const markdown = await markdownAt(documentFor([...HOSTS[ext.placements[0]], ext.name]));
      assert.ok(markdown.includes(ext.doc) && markdown.includes(ext.page), ext.name);
      extensions++;
    }
    const fields = catalogFields();
    let documented = 0;
    for (const { segments, spec } of fields) {
      const markdown = await markdownAt(documentFor(segments));
      assert.ok(markdown.includes(spec.doc), `${segments.join('/')}: ${markdown}`);
      assert.match(markdown, /\[AWS documentation: [^\]]+\]\(https:\/\/docs\.aws\.amazon\.com\//);
      documented++;
    }
    console.log(`      hover coverage: ${extensions}/${EXTENSIONS.length} extensions, ${documented}/${fields.length} fields`);
  });

  it('shows type, allowed values for this API kind, default, range and applicability', async () => {
    const rest = await markdownAt('openapi: 3.0.1\nx-amazon-apigateway-api-key-source: HEADER\npaths:\n  /a:\n    get:\n      x-amazon-apigateway-integration:\n        ty‸pe: aws\n        timeoutInMillis: 100\n');
    assert.match(rest, /Allowed \(REST APIs\): `aws`, `aws_proxy`, `http`, `http_proxy`, `mock`, in any letter case/);
    assert.match(rest, /Required/);
    const http = await markdownAt('openapi: 3.0.1\nx-amazon-apigateway-cors: {}\npaths:\n  /a:\n    get:\n      x-amazon-apigateway-integration:\n        type: aws_proxy\n        timeout‸InMillis: 100\n');
    assert.match(http, /integer/);
    assert.match(http, /Default \(HTTP APIs\): `30000`/);
    assert.match(http, /Range \(HTTP APIs\): 50 to 30000/);
    assert.match(http, /REST APIs: range 50 to 29000, default `29000`/);
    const restOnly = await markdownAt('openapi: 3.0.1\nx-amazon-apigateway-cors: {}\nx-amazon-apigateway-importexport-version: "1.0"\npaths:\n  /a:\n    get:\n      x-amazon-apigateway-integration:\n        type: aws_proxy\n        request‸Templates: {}\n');
    assert.match(restOnly, /REST APIs only — this document is an HTTP API, which ignores it/);
  });

  it('says where a misplaced extension would work', async () => {
    const markdown = await markdownAt('openapi: 3.0.1\npaths:\n  /a:\n    x-amazon-apigateway-cor‸s: {}\n');
    assert.match(markdown, /Has no effect in a path item/);
  });

  it('hovers in JSON as in YAML', async () => {
    const markdown = await markdownAt('{"openapi": "3.0.1", "paths": {"/a": {"get": {"x-amazon-apigateway-integration": {"passthrough‸Behavior": "never"}}}}}', { name: 'api.json' });
    assert.match(markdown, /`when_no_match`, `when_no_templates`, `never`/);
    assert.match(markdown, /Default: `when_no_match`/);
  });

  it('previews a $ref target with its file, in the target file language', async () => {
    const local = await markdownAt('openapi: 3.0.1\npaths: {}\ncomponents:\n  schemas:\n    A: {$ref: "#/components/schemas/‸B"}\n    B:\n      type: object\n      properties:\n        id: {type: string}\n');
    assert.match(local, /^this file · `#\/components\/schemas\/B`/);
    assert.match(local, /```yaml\nB:\n  type: object\n  properties:\n    id: \{type: string\}\n```/);
    const other = await markdownAt('openapi: 3.0.1\npaths: {}\ncomponents:\n  schemas:\n    A: {$ref: "./schemas.json#/Money‸"}\n', { files: { 'schemas.json': '{\n  "Money": {\n    "type": "number"\n  }\n}\n' } });
    assert.match(other, /^schemas\.json · `#\/Money`/);
    assert.match(other, /```json\n"Money": \{\n  "type": "number"\n\}\n```/);
    const broken = await markdownAt('openapi: 3.0.1\npaths: {}\ncomponents:\n  schemas:\n    A: {$ref: "#/components/schemas/Nope‸"}\n');
    assert.match(broken, /does not exist/);
  });

  it('gives a gateway response type its default status and fallback', async () => {
    const markdown = await markdownAt('openapi: 3.0.1\npaths: {}\nx-amazon-apigateway-gateway-responses:\n  THROT‸TLED: {}\n');
    assert.match(markdown, /Default status: `429`/);
    assert.match(markdown, /DEFAULT_4XX applies/);
  });

  it('explains $context variables and $input members inside templates and mappings', async () => {
    const base = (template: string) => `openapi: 3.0.1\npaths:\n  /a:\n    get:\n      x-amazon-apigateway-integration:\n        type: mock\n        requestTemplates:\n          application/json: |\n            ${template}\n`;
    assert.match(await markdownAt(base('{"id": "$context.request‸Id"}')), /REST APIs: mapping templates, parameter mappings and access logs/);
    assert.match(await markdownAt(base('{"t": "$context.integration‸Latency"}')), /access logs only/);
    assert.match(await markdownAt(base('$input.js‸on(\'$\')')), /JSONPath/);
    const mapping = await markdownAt('openapi: 3.0.1\npaths:\n  /a:\n    get:\n      x-amazon-apigateway-integration:\n        type: http\n        requestParameters:\n          integration.request.header.x: context.identity.source‸Ip\n');
    assert.match(mapping, /`\$context.identity.sourceIp`/);
  });

  it('documents map keys and integration subtype parameters', async () => {
    const media = await markdownAt('openapi: 3.0.1\npaths:\n  /a:\n    get:\n      x-amazon-apigateway-integration:\n        type: mock\n        requestTemplates:\n          applica‸tion/json: "{}"\n');
    assert.match(media, /key of `x-amazon-apigateway-integration.requestTemplates`/);
    assert.match(media, /Keys: A media type/);
    const param = await markdownAt('openapi: 3.0.1\nx-amazon-apigateway-cors: {}\npaths:\n  /a:\n    post:\n      x-amazon-apigateway-integration:\n        type: aws_proxy\n        integrationSubtype: SQS-SendMessage\n        requestParameters:\n          Queue‸Url: x\n');
    assert.match(param, /required parameter of `SQS-SendMessage`/);
  });

  it('still answers in a document with a syntax error, and nothing outside extensions', async () => {
    const markdown = await markdownAt('openapi: 3.0.1\npaths:\n  /a:\n    get:\n      responses: [1\n      x-amazon-apigateway-integr‸ation:\n        type: mock\n');
    assert.match(markdown, /x-amazon-apigateway-integration/);
    assert.equal(await hoverAt('openapi: 3.0.1\ninfo:\n  ti‸tle: x\n'), undefined);
  });
});
