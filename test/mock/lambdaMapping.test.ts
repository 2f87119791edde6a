import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { loadFunctionCatalog } from '../../core/src/mock/lambda/functionCatalog';
import type { FunctionDefinition, HandlerSource } from '../../core/src/mock/lambda/functionDefinition';
import { resolveHandlerFile } from '../../core/src/mock/lambda/handlerFile';

const FIXTURES = path.resolve(__dirname, '../../../test/fixtures/lambda');
const CONFIG_WS = path.join(FIXTURES, 'config-workspace');
const SAM_WS = path.join(FIXTURES, 'sam-workspace');

function source(definition: FunctionDefinition | undefined): HandlerSource {
  assert.ok(definition, 'mapped');
  assert.ok(!('unsupported' in definition.handler), 'runnable');
  return definition.handler;
}

describe('lambda mapping: which local handler runs a function', () => {
  it('reads apigw.config.json: file#export, a default export name, Lambda handler strings, env, limits', async () => {
    const catalog = await loadFunctionCatalog(path.join(CONFIG_WS, 'api.yaml'), undefined);
    const cjs = source(catalog.find('cjs'));
    assert.deepEqual(cjs.candidates, [path.join(CONFIG_WS, 'handlers/cjs.js')]);
    assert.deepEqual(cjs.exportPath, ['handler']);
    assert.deepEqual(source(catalog.find('callback')).exportPath, ['handler']);
    const lambdaStyle = source(catalog.find('esm-pkg'));
    assert.deepEqual(lambdaStyle.candidates, ['.js', '.mjs', '.cjs'].map((ext) => path.join(CONFIG_WS, 'esm-pkg', `index${ext}`)));
    const env = catalog.find('env');
    assert.deepEqual([env?.env, env?.timeoutMs, env?.memoryMb, env?.taskRoot], [{ TABLE: 'orders-local', LIMIT: '5' }, 3000, 128, CONFIG_WS]);
    assert.deepEqual([catalog.find('hangs')?.timeoutMs, catalog.find('oom')?.memoryMb], [300, 128]);
    assert.deepEqual(catalog.problems, [`${path.join(CONFIG_WS, 'apigw.config.json')}: functions["bad-timeout"]: timeoutMs must be a number of milliseconds up to 900000`]);
  });

  it('finds a function listed by ARN under its ARN, its name and its name with an alias', async () => {
    const catalog = await loadFunctionCatalog(path.join(CONFIG_WS, 'api.yaml'), undefined);
    const arn = 'arn:aws:lambda:us-east-1:123456789012:function:orders';
    assert.equal(catalog.find(arn)?.name, 'orders');
    assert.equal(catalog.find(`${arn}:live`)?.name, 'orders');
    assert.equal(catalog.find('orders-by-stage:v2')?.name, 'orders-by-stage');
    assert.equal(catalog.find('nothing-here'), undefined);
  });

  it('says how to map an unknown function, and names a stage variable the stage does not set', async () => {
    const catalog = await loadFunctionCatalog(path.join(CONFIG_WS, 'api.yaml'), undefined);
    const message = catalog.unmappedMessage('arn:aws:lambda:us-east-1:123456789012:function:billing');
    assert.match(message, /No local handler for Lambda function "arn:aws:lambda:us-east-1:123456789012:function:billing"/);
    assert.match(message, /\{"functions": \{"billing": \{"handler": "src\/billing\.js#handler"\}\}\}/);
    assert.match(catalog.unmappedMessage('${stageVariables.fn}'), /stage variable\(s\) fn that this stage does not set/);
  });

  it('reports a config that is not JSON, or not where an explicit path says', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'apigw-lambda-'));
    try {
      writeFileSync(path.join(dir, 'apigw.config.json'), '{ functions: ');
      const broken = await loadFunctionCatalog(path.join(dir, 'api.yaml'), undefined);
      assert.match(broken.problems[0], /apigw\.config\.json: not valid JSON/);
      const missing = await loadFunctionCatalog(path.join(dir, 'api.yaml'), path.join(dir, 'other.json'));
      assert.match(missing.problems[0], /other\.json: cannot read/);
      rmSync(path.join(dir, 'apigw.config.json'));
      assert.deepEqual((await loadFunctionCatalog(path.join(dir, 'api.yaml'), undefined)).problems, []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads a SAM template: Globals.Function, logical id and FunctionName, CodeUri, nested exports', async () => {
    const catalog = await loadFunctionCatalog(path.join(SAM_WS, 'api.yaml'), undefined);
    const orders = catalog.find('OrdersFunction');
    assert.equal(catalog.find('orders-service'), orders);
    assert.deepEqual(
      [orders?.name, orders?.timeoutMs, orders?.memoryMb, orders?.env, orders?.taskRoot],
      ['orders-service', 5000, 256, { STAGE: 'local', MODE: 'sam' }, path.join(SAM_WS, 'src')],
    );
    assert.deepEqual(source(orders).candidates.slice(0, 3), ['.js', '.mjs', '.cjs'].map((ext) => path.join(SAM_WS, 'src', `orders${ext}`)));
    assert.deepEqual(source(orders).candidates[3], path.join(SAM_WS, '.aws-sam/build/OrdersFunction/orders.js'));
    assert.deepEqual(source(catalog.find('RoutesFunction')).exportPath, ['api', 'get']);
    assert.match(catalog.problems.join('\n'), /OrdersFunction Environment\.Variables\.TABLE is a CloudFormation expression/);
  });

  it('says that a function of another runtime, an image or inline code is not run locally', async () => {
    const catalog = await loadFunctionCatalog(path.join(SAM_WS, 'api.yaml'), undefined);
    const reports = catalog.find('ReportsFunction');
    assert.deepEqual(reports?.handler, {
      unsupported: 'runtime python3.12 of ReportsFunction is not supported locally; map this function to a Node handler in apigw.config.json',
    });
    const dir = mkdtempSync(path.join(tmpdir(), 'apigw-lambda-'));
    try {
      writeFileSync(
        path.join(dir, 'template.yml'),
        [
          'Resources:',
          '  Img: {Type: AWS::Serverless::Function, Properties: {PackageType: Image, ImageUri: x}}',
          '  Inline: {Type: AWS::Serverless::Function, Properties: {Runtime: nodejs20.x, Handler: index.handler, InlineCode: "exports.handler=1"}}',
          '  S3: {Type: AWS::Serverless::Function, Properties: {Runtime: nodejs20.x, Handler: index.handler, CodeUri: {Bucket: b, Key: k}}}',
        ].join('\n'),
      );
      const other = await loadFunctionCatalog(path.join(dir, 'api.yaml'), undefined);
      const why = (id: string) => {
        const handler = other.find(id)?.handler;
        return handler !== undefined && 'unsupported' in handler ? handler.unsupported : '';
      };
      assert.match(why('Img'), /container image/);
      assert.match(why('Inline'), /InlineCode/);
      assert.match(why('S3'), /CodeUri of S3 is not a local directory/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('lets apigw.config.json win over the template for the same function', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'apigw-lambda-'));
    try {
      writeFileSync(path.join(dir, 'template.yaml'), 'Resources:\n  Fn: {Type: AWS::Serverless::Function, Properties: {Runtime: nodejs20.x, Handler: a.handler}}\n');
      writeFileSync(path.join(dir, 'apigw.config.json'), JSON.stringify({ functions: { Fn: 'b.js#main' } }));
      const catalog = await loadFunctionCatalog(path.join(dir, 'api.yaml'), undefined);
      assert.deepEqual(source(catalog.find('Fn')).exportPath, ['main']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('lambda handler files: only workspace code runs', () => {
  let root: string;
  let outside: string;
  before(() => {
    root = mkdtempSync(path.join(tmpdir(), 'apigw-ws-'));
    outside = mkdtempSync(path.join(tmpdir(), 'apigw-outside-'));
    mkdirSync(path.join(root, 'src'));
    writeFileSync(path.join(root, 'src', 'app.js'), 'exports.handler = async () => 1;');
    writeFileSync(path.join(root, 'src', 'typed.ts'), 'export const handler = async (): Promise<number> => 1;');
    writeFileSync(path.join(outside, 'evil.js'), 'exports.handler = async () => 1;');
    symlinkSync(path.join(outside, 'evil.js'), path.join(root, 'src', 'linked.js'));
  });
  after(() => {
    rmSync(root, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });
  const handler = (...candidates: string[]): HandlerSource => ({ candidates, exportPath: ['handler'], written: 'w' });

  it('takes the first candidate that exists inside the workspace', () => {
    const found = resolveHandlerFile(handler(path.join(root, 'src/app.mjs'), path.join(root, 'src/app.js')), root);
    assert.ok('file' in found && found.file.endsWith(path.join('src', 'app.js')));
  });

  it('refuses a handler outside the workspace, by ../ or by a symbolic link, before looking for it', () => {
    const escaped = resolveHandlerFile(handler(path.join(root, '../', path.basename(outside), 'evil.js')), root);
    assert.ok('refused' in escaped && /outside the workspace/.test(escaped.refused), JSON.stringify(escaped));
    const linked = resolveHandlerFile(handler(path.join(root, 'src/linked.js')), root);
    assert.ok('refused' in linked && /is a link to .*evil\.js, outside the workspace/.test(linked.refused), JSON.stringify(linked));
  });

  it('says to compile a TypeScript handler, named directly or found beside the missing JavaScript', () => {
    for (const candidates of [[path.join(root, 'src/typed.ts')], [path.join(root, 'src/typed.js'), path.join(root, 'src/typed.mjs')]]) {
      const found = resolveHandlerFile(handler(...candidates), root);
      assert.ok('missing' in found && /is TypeScript .*typed\.ts.*compile it/.test(found.missing), JSON.stringify(found));
    }
  });

  it('lists where it looked when nothing is there', () => {
    const found = resolveHandlerFile(handler(path.join(root, 'src/none.js'), path.join(root, 'src/none.mjs')), root);
    assert.ok('missing' in found && found.missing.includes('none.js') && found.missing.includes('none.mjs'));
  });
});
