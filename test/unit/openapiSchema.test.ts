import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { toValue } from '../../core/src/document/value';
import { lintText } from '../../core/src/lint';
import { checkOpenApiSchema, compileOpenApiValidator, type OpenApiVersion, type SchemaFinding } from '../../core/src/validate/openapiSchema';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

function doc30(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    openapi: '3.0.1',
    info: { title: 'Pets', version: '1.0' },
    paths: {
      '/pets': {
        get: {
          parameters: [{ name: 'limit', in: 'query', schema: { type: 'integer' } }],
          responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'array', items: { $ref: '#/components/schemas/Pet' } } } } } },
        },
      },
    },
    components: { schemas: { Pet: { type: 'object', properties: { id: { type: 'string' } } } } },
    ...extra,
  };
}

function doc20(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    swagger: '2.0',
    info: { title: 'Pets', version: '1.0' },
    paths: {
      '/pets': {
        get: {
          parameters: [{ name: 'limit', in: 'query', type: 'integer' }],
          responses: { '200': { description: 'ok', schema: { type: 'array', items: { $ref: '#/definitions/Pet' } } } },
        },
      },
    },
    definitions: { Pet: { type: 'object', properties: { id: { type: 'string' } } } },
    ...extra,
  };
}

function doc31(): Record<string, unknown> {
  return { ...doc30(), openapi: '3.1.0' };
}

/** The operation of a document built above, to edit in place. */
function getPets(doc: Record<string, unknown>): Record<string, unknown> {
  return ((doc.paths as Record<string, unknown>)['/pets'] as Record<string, unknown>).get as Record<string, unknown>;
}

describe('checkOpenApiSchema', () => {
  it('accepts valid 3.0, 2.0 and 3.1 documents', () => {
    assert.deepEqual(checkOpenApiSchema(doc30(), '3.0'), []);
    assert.deepEqual(checkOpenApiSchema(doc20(), '2.0'), []);
    assert.deepEqual(checkOpenApiSchema(doc31(), '3.1'), []);
  });

  it('reports a missing info.version once, at /info, naming the property', () => {
    const docs: [Record<string, unknown>, OpenApiVersion][] = [[doc30(), '3.0'], [doc20(), '2.0'], [doc31(), '3.1']];
    for (const [doc, version] of docs) {
      delete (doc.info as Record<string, unknown>).version;
      const findings = checkOpenApiSchema(doc, version);
      assert.equal(findings.length, 1, JSON.stringify(findings));
      assert.equal(findings[0].pointer, '/info');
      assert.equal(findings[0].on, 'value');
      assert.equal(findings[0].keyword, 'required');
      assert.match(findings[0].message, /'version'/);
    }
  });

  it('reports securityDefinitions in a 3.0 document on the key, saying where it belongs', () => {
    const findings = checkOpenApiSchema(doc30({ securityDefinitions: { key: { type: 'apiKey', name: 'x-api-key', in: 'header' } } }), '3.0');
    assert.deepEqual(
      findings.map((f) => [f.pointer, f.on, f.keyword]),
      [['/securityDefinitions', 'key', 'additionalProperties']],
    );
    assert.match(findings[0].message, /'securityDefinitions'.*components\/securitySchemes/);
  });

  it("reports a bad parameter location once, at its 'in', listing the allowed values", () => {
    const doc = doc30();
    getPets(doc).parameters = [{ name: 'limit', in: 'body2', schema: { type: 'integer' } }];
    const findings = checkOpenApiSchema(doc, '3.0');
    assert.equal(findings.length, 1, JSON.stringify(findings));
    assert.equal(findings[0].pointer, '/paths/~1pets/get/parameters/0/in');
    assert.equal(findings[0].on, 'value');
    assert.equal(findings[0].keyword, 'enum');
    assert.match(findings[0].message, /'body2'.*'path', 'query', 'header' or 'cookie'/);
  });

  it('reports paths written as an array at /paths', () => {
    for (const [doc, version] of [[doc30({ paths: [] }), '3.0'], [doc20({ paths: [] }), '2.0']] as const) {
      const findings = checkOpenApiSchema(doc, version);
      assert.deepEqual(
        findings.map((f) => [f.pointer, f.keyword]),
        [['/paths', 'type']],
      );
      assert.match(findings[0].message, /must be an object, not an array/);
    }
  });

  it('accepts CloudFormation intrinsics where a value is expected', () => {
    const title = { 'Fn::Sub': '${AWS::StackName}-api' };
    assert.deepEqual(checkOpenApiSchema(doc30({ info: { title, version: '1.0' } }), '3.0'), []);
    assert.deepEqual(checkOpenApiSchema(doc20({ info: { title, version: { Ref: 'ApiVersion' } } }), '2.0'), []);
    assert.deepEqual(checkOpenApiSchema(doc30({ servers: [{ url: { 'Fn::Sub': 'https://${Domain}/v1' } }] }), '3.0'), []);
    const conditional = doc30();
    getPets(conditional).security = [{ 'Fn::If': ['UseAuth', { auth: [] }, { Ref: 'AWS::NoValue' }] }];
    assert.deepEqual(checkOpenApiSchema(conditional, '3.0'), []);
  });

  it('never reports x-amazon-apigateway-* extensions, whatever they hold', () => {
    const integration = { type: 42, uri: ['not', 'a', 'string'], responses: { default: null }, 'Fn::If': 1 };
    const docs: [Record<string, unknown>, OpenApiVersion][] = [[doc30(), '3.0'], [doc20(), '2.0'], [doc31(), '3.1']];
    for (const [doc, version] of docs) {
      getPets(doc)['x-amazon-apigateway-integration'] = integration;
      (doc.paths as Record<string, unknown>)['x-amazon-apigateway-any-method'] = 'odd';
      doc['x-amazon-apigateway-gateway-responses'] = [1, 2, 3];
      assert.deepEqual(checkOpenApiSchema(doc, version), [], version);
    }
    // A $ref with an extension beside it: the 2.0 reference object itself forbids other keys.
    const referenced = doc20({ parameters: { limit: { name: 'limit', in: 'query', type: 'integer' } } });
    getPets(referenced).parameters = [{ $ref: '#/parameters/limit', 'x-note': 'shared' }];
    assert.deepEqual(checkOpenApiSchema(referenced, '2.0'), []);
  });

  it('reports only the alternative the author meant', () => {
    // 2.0 query parameter written the 3.0 way: not a pile of body/header/path mismatches.
    const parameter20 = doc20();
    getPets(parameter20).parameters = [{ name: 'limit', in: 'query', schema: { type: 'integer' } }];
    assert.deepEqual(
      checkOpenApiSchema(parameter20, '2.0').map((f) => [f.pointer, f.on, f.keyword]),
      [
        ['/paths/~1pets/get/parameters/0/schema', 'key', 'additionalProperties'],
        ['/paths/~1pets/get/parameters/0', 'value', 'required'],
      ],
    );
    // An apiKey scheme with a bad location: nothing about the http, oauth2 or openIdConnect forms.
    const scheme = doc30({ components: { securitySchemes: { key: { type: 'apiKey', name: 'x-api-key', in: 'body' } } } });
    assert.deepEqual(
      checkOpenApiSchema(scheme, '3.0').map((f) => [f.pointer, f.keyword, f.message]),
      [['/components/securitySchemes/key/in', 'enum', "Invalid value 'body' for 'in': use one of 'header', 'query' or 'cookie'"]],
    );
    // A 2.0-style header in 3.0: one finding on the key, which says what to do.
    const header = doc30();
    const responses = getPets(header).responses as Record<string, Record<string, unknown>>;
    responses['200'].headers = { 'X-Rate-Limit': { type: 'integer' } };
    const findings = checkOpenApiSchema(header, '3.0');
    assert.deepEqual(
      findings.map((f) => [f.pointer, f.on]),
      [['/paths/~1pets/get/responses/200/headers/X-Rate-Limit/type', 'key']],
    );
    assert.match(findings[0].message, /move it under 'schema'/);
  });

  it('says to quote a version that YAML read as a number', () => {
    const findings = checkOpenApiSchema(doc20({ swagger: 2 }), '2.0');
    assert.deepEqual(
      findings.map((f) => [f.pointer, f.keyword]),
      [['/swagger', 'enum']],
    );
    assert.match(findings[0].message, /'2\.0'.*quotes/);
  });
});

interface CorpusFile {
  name: string;
  version: OpenApiVersion;
  doc: unknown;
}

/** The parsed OpenAPI documents of a corpus folder, with the version each declares. */
function readCorpus(dir: string): { files: CorpusFile[]; unreadable: string[] } {
  const files: CorpusFile[] = [];
  const unreadable: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const file = path.join(dir, name);
    if (!/\.(json|ya?ml)$/.test(name) || !statSync(file).isFile()) continue;
    let doc: unknown;
    try {
      doc = parse(readFileSync(file, 'utf8'), { logLevel: 'silent' });
    } catch {
      unreadable.push(name);
      continue;
    }
    const declared = typeof doc === 'object' && doc !== null ? (doc as Record<string, unknown>) : {};
    if (declared.swagger !== undefined) files.push({ name, version: '2.0', doc });
    else if (String(declared.openapi).startsWith('3.1')) files.push({ name, version: '3.1', doc });
    else if (String(declared.openapi).startsWith('3.')) files.push({ name, version: '3.0', doc });
    else unreadable.push(name);
  }
  return { files, unreadable };
}

describe('checkOpenApiSchema over shared/corpus/real', function () {
  const dir = path.resolve(REPO_ROOT, '..', 'shared', 'corpus', 'real');

  it('never throws and gives at most a handful of distinct findings per file', function () {
    if (!existsSync(dir)) {
      console.log('      skipped: corpus not present');
      this.skip();
    }
    const { files, unreadable } = readCorpus(dir);
    assert.ok(files.length > 0);
    const summary: string[] = [];
    for (const { name, version, doc } of files) {
      let findings: SchemaFinding[] = [];
      assert.doesNotThrow(() => (findings = checkOpenApiSchema(doc, version)), name);
      // The same problem repeated on every operation (e.g. an empty 2.0 `responses`) is one
      // problem; a pile of different messages is the noise this guards against.
      const distinct = new Set(findings.map((f) => f.message)).size;
      const perPointer = new Map<string, number>();
      for (const f of findings) perPointer.set(f.pointer, (perPointer.get(f.pointer) ?? 0) + 1);
      assert.ok(distinct <= 15, `${name}: ${distinct} distinct findings\n${findings.map((f) => `${f.pointer} ${f.message}`).join('\n')}`);
      assert.ok(Math.max(0, ...perPointer.values()) <= 2, `${name}: more than two findings at one place`);
      if (findings.length > 0) summary.push(`${String(findings.length).padStart(4)} (${distinct} distinct)  ${version}  ${name}`);
    }
    console.log(`      ${files.length} documents, ${files.length - summary.length} without findings, ${unreadable.length} not parsed or not OpenAPI; the others:`);
    for (const line of summary) console.log(`      ${line}`);
  });
});

type GeneratedValidator = ((data: unknown) => boolean) & { errors?: unknown };

describe('generated OpenAPI validators (scripts/build-schemas.mjs)', function () {
  const generatedDir = path.join(REPO_ROOT, 'core', 'src', 'validate', 'generated');
  const corpusDir = path.resolve(REPO_ROOT, '..', 'shared', 'corpus', 'real');

  for (const [version, file] of [
    ['2.0', 'openapi20Validator.js'],
    ['3.0', 'openapi30Validator.js'],
    ['3.1', 'openapi31Validator.js'],
  ] as const) {
    it(`${version}: the generated validator reports exactly what the compiled one does`, function () {
      const generatedFile = path.join(generatedDir, file);
      if (!existsSync(generatedFile)) {
        console.log('      skipped: not generated (node scripts/build-schemas.mjs)');
        this.skip();
      }
      const generated = (require(generatedFile) as { default: GeneratedValidator }).default;
      const compiled = compileOpenApiValidator(version).validate;
      const base = version === '2.0' ? doc20() : version === '3.0' ? doc30() : doc31();
      const samples: unknown[] = [base, { ...base, info: {} }, { ...base, paths: [] }, { ...base, securityDefinitions: {}, components: { securitySchemes: { k: { type: 'apiKey', in: 'body' } } } }];
      if (existsSync(corpusDir)) samples.push(...readCorpus(corpusDir).files.filter((f) => f.version === version).map((f) => f.doc));
      for (const sample of samples) {
        assert.equal(generated(sample), compiled(sample));
        assert.deepEqual(generated.errors ?? null, compiled.errors ?? null, 'stale generated validator: run node scripts/build-schemas.mjs');
      }
    });
  }
});

describe('the OpenAPI schema rule on a whole definition', () => {
  // The rule checks each path item alone and the rest of the document with those items
  // emptied (see checkSchema): these cases pin that the findings are those of one check.
  const definition = [
    'openapi: 3.0.1',
    'info: {title: Pets, version: "1"}',
    'components:',
    '  callbacks:',
    '    onEvent:',
    '      "{$request.body#/url}": &item',
    '        post: {responses: {"200": {description: 12}}}',
    'paths:',
    '  /ok:',
    '    get: {responses: {"200": {description: ok}}}',
    '  /broken:',
    '    get: {responses: {"200": {description: ok}}, deprecated: maybe}',
    '  /shared: *item',
    '  x-notes: {anything: [1, 2]}',
    '  pets: {}',
    'servers: {url: https://example.com}',
  ].join('\n');

  async function schemaFindings(text: string): Promise<string[]> {
    const { diagnostics } = await lintText('file:///api.yaml', text, async () => undefined);
    return diagnostics.filter((d) => d.code === 'apigw.openapi.schema').map((d) => `${d.pointer} ${d.range.start.line}`);
  }

  it('reports inside path items, beside them and outside paths, each once', async () => {
    assert.deepEqual((await schemaFindings(definition)).sort(), [
      // Once where the anchor is, once through the alias at /paths/~1shared: an alias shares
      // the anchored node, which is where both are shown.
      '/components/callbacks/onEvent/{$request.body#~1url}/post/responses/200/description 6',
      '/components/callbacks/onEvent/{$request.body#~1url}/post/responses/200/description 6',
      '/paths/pets 14',
      '/paths/~1broken/get/deprecated 11',
      '/servers 15',
    ]);
  });

  it('gives the findings of the whole document checked at once', async () => {
    const { model, diagnostics } = await lintText('file:///api.yaml', definition, async () => undefined);
    const whole = checkOpenApiSchema(toValue(model.root).value, '3.0').map((f) => f.message);
    const rule = diagnostics.filter((d) => d.code === 'apigw.openapi.schema').map((d) => d.message);
    assert.deepEqual(rule.sort(), whole.sort());
  });
});
