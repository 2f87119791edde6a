import assert from 'node:assert/strict';
import { RouteTrie } from '../../core/src/mock/router';
import { startMock, type Harness, mockIntegration, restApi } from './harness';

/** A MOCK method that echoes which route served it and the parameters it saw. */
function echo(name: string): object {
  return {
    responses: { '200': { description: 'ok' } },
    'x-amazon-apigateway-integration': mockIntegration(
      `{"route": "${name}", "method": "$context.httpMethod", "resourcePath": "$context.resourcePath", "params": $input.json('$.none'), "path": "$util.escapeJavaScript($input.params().path.toString())", "query": "$util.escapeJavaScript($input.params().querystring.toString())"}`,
    ),
  };
}

describe('mock routing (REST)', () => {
  let h: Harness;
  before(async () => {
    h = await startMock(
      restApi({
        '/pets': { get: echo('list'), post: echo('create') },
        '/pets/mine': { get: echo('mine') },
        '/pets/{id}': { get: echo('one'), 'x-amazon-apigateway-any-method': echo('any-one') },
        '/pets/{id}/toys/{toy}': { get: echo('toy') },
        '/files/{proxy+}': { get: echo('files') },
        '/{proxy+}': { 'x-amazon-apigateway-any-method': echo('catch-all') },
      }),
    );
  });
  after(() => h.close());

  const call = async (path: string, method = 'GET') => {
    const res = await fetch(h.url + path, { method });
    return { status: res.status, body: (await res.text()) || '{}' };
  };
  const route = async (path: string, method = 'GET') => JSON.parse((await call(path, method)).body) as Record<string, string>;

  it('prefers a literal segment to a {param}, and a {param} to a greedy {proxy+}', async () => {
    assert.equal((await route('/dev/pets/mine')).route, 'mine');
    assert.equal((await route('/dev/pets/42')).route, 'one');
    assert.equal((await route('/dev/pets/42/toys/ball')).route, 'toy');
    assert.equal((await route('/dev/anything/else')).route, 'catch-all');
  });

  it('serves ANY for methods not declared explicitly; explicit methods win', async () => {
    assert.equal((await route('/dev/pets/42', 'GET')).route, 'one');
    const del = await route('/dev/pets/42', 'DELETE');
    assert.equal(del.route, 'any-one');
    assert.equal(del.method, 'DELETE');
  });

  it('decodes path parameters and gives a greedy parameter the rest of the path', async () => {
    assert.equal((await route('/dev/pets/a%20b%2Fc')).path, '{id=a b/c}');
    assert.equal((await route('/dev/files/docs/2024/report%201.pdf')).path, '{proxy=docs/2024/report 1.pdf}');
  });

  it('keeps single and multi-value query strings (the last value wins in the single map)', async () => {
    assert.equal((await route('/dev/pets?tag=a&tag=b&q=x%20y')).query, '{tag=b, q=x y}');
  });

  it('answers an unknown route or method with 403 Missing Authentication Token', async () => {
    // /pets exists, so a method it lacks is not handed to the greedy /{proxy+} beside it.
    for (const [path, method] of [['/dev/pets', 'DELETE'], ['/dev', 'GET']]) {
      const r = await call(path, method);
      assert.equal(r.status, 403, `${method} ${path}`);
      assert.deepEqual(JSON.parse(r.body), { message: 'Missing Authentication Token' });
    }
  });

  it('accepts the stage as the first path segment or no stage at all', async () => {
    assert.equal((await route('/dev/pets')).route, 'list');
    assert.equal((await route('/pets')).route, 'list');
    assert.equal((await route('/dev/pets/')).route, 'list');
  });

  it('reports $context.resourcePath and $context.httpMethod of the matched method', async () => {
    const r = await route('/dev/pets/7/toys/x', 'GET');
    assert.equal(r.resourcePath, '/pets/{id}/toys/{toy}');
    assert.equal(r.method, 'GET');
  });
});

describe('mock routing (HTTP API)', () => {
  let h: Harness;
  const proxy = (name: string) => ({ 'x-amazon-apigateway-integration': { type: 'http_proxy', httpMethod: 'GET', uri: `http://127.0.0.1:1/${name}`, payloadFormatVersion: '1.0' } });
  before(async () => {
    h = await startMock({
      openapi: '3.0.1',
      info: { title: 'Http', version: '1' },
      'x-amazon-apigateway-importexport-version': '1.0',
      paths: { '/items': { get: proxy('items') } },
    });
  });
  after(() => h.close());

  it('answers an unknown route with 404 Not Found', async () => {
    const res = await fetch(`${h.url}/nothing`);
    assert.equal(res.status, 404);
    assert.deepEqual(await res.json(), { message: 'Not Found' });
    const wrongMethod = await fetch(`${h.url}/items`, { method: 'POST' });
    assert.equal(wrongMethod.status, 404);
  });
});

describe('RouteTrie', () => {
  it('routes HTTP API style: a route without the method is skipped for a greedy one that has it', () => {
    const trie = new RouteTrie<string>();
    trie.add('/a', 'GET', 'get-a');
    trie.add('/{proxy+}', 'ANY', 'any');
    const match = trie.match('/a', (m) => m.has('POST') || m.has('ANY'));
    assert.equal(match?.methods.get('ANY'), 'any');
    assert.deepEqual(match?.params, { proxy: 'a' });
  });

  it('backtracks from a literal branch that dead-ends to a {param} branch', () => {
    const trie = new RouteTrie<string>();
    trie.add('/a/b', 'GET', 'ab');
    trie.add('/{x}/c', 'GET', 'xc');
    assert.equal(trie.match('/a/c', () => true)?.methods.get('GET'), 'xc');
  });

  it('finds a route in a 10,000-path trie as fast as in a 10-path one', () => {
    const build = (n: number) => {
      const trie = new RouteTrie<number>();
      for (let i = 0; i < n; i++) trie.add(`/r${i}/items/{id}`, 'GET', i);
      return trie;
    };
    const time = (trie: RouteTrie<number>) => {
      const start = process.hrtime.bigint();
      for (let i = 0; i < 20000; i++) trie.match('/r7/items/42', () => true);
      return Number(process.hrtime.bigint() - start);
    };
    const small = build(10);
    const large = build(10000);
    // Best of five, interleaved, so that a busy machine slows both alike.
    let bestSmall = Infinity;
    let bestLarge = Infinity;
    for (let i = 0; i < 5; i++) {
      bestSmall = Math.min(bestSmall, time(small));
      bestLarge = Math.min(bestLarge, time(large));
    }
    // The large trie does the same few map lookups per request; allow generous noise.
    assert.ok(bestLarge < bestSmall * 3, `${bestLarge} ns vs ${bestSmall} ns`);
  });
});
