import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { REPO, startCliMock } from './cliMock';

const KEY = 'example-key-0123456789abcdef';

/** What `npm start` serves: the REST example, its MOCK routes and its local Lambda handlers. */
describe('apigw mock on the bundled REST example', function () {
  it('answers MOCK and Lambda proxy routes, with the curl lines it prints', async () => {
    // The example's own config maps the handlers; this one adds the API key its /books methods require.
    const dir = mkdtempSync(path.join(tmpdir(), 'apigw-example-'));
    const handlers = path.join(REPO, 'examples', 'rest', 'handlers');
    const config = path.join(dir, 'apigw.config.json');
    writeFileSync(
      config,
      JSON.stringify({
        functions: { 'bookstore-catalog': `${handlers}/catalog.mjs#handler`, 'bookstore-orders': `${handlers}/orders.mjs#handler` },
        usagePlans: { demo: {} },
        apiKeys: [{ name: 'demo', value: KEY, usagePlans: ['demo'] }],
      }),
    );
    const mock = await startCliMock(['examples/rest/api.yaml', '--port', '0', '--config', config], { ready: (out) => out.includes('try:') });
    try {
      const { url } = mock;
      assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
      await new Promise((r) => setTimeout(r, 200));
      assert.match(mock.stdout(), /curl -i -H "x-api-key: \$APIGW_API_KEY" '[^']+\/dev\/books\/b-1'/, 'path parameters take the example values; the key comes from the environment');
      const store = await fetch(`${url}/dev/stores/downtown`);
      assert.equal(store.status, 200);
      assert.equal(((await store.json()) as { storeId: string }).storeId, 'downtown');
      const keyless = await fetch(`${url}/dev/books`);
      assert.equal(keyless.status, 403, 'the method requires an API key');
      const books = await fetch(`${url}/dev/books`, { headers: { 'x-api-key': KEY } });
      assert.equal(books.status, 200);
      assert.ok(((await books.json()) as { items: unknown[] }).items.length >= 2);
      const book = await fetch(`${url}/dev/books/b-404`, { headers: { 'x-api-key': KEY } });
      assert.equal(book.status, 404);
      const unknown = await fetch(`${url}/dev/health`, { method: 'PATCH' }); // /{proxy+} catches unknown paths, not unknown methods of a resource
      assert.equal(unknown.status, 403);
      // The example's DEFAULT_4XX gateway response adds the request id to AWS's message.
      assert.equal(((await unknown.json()) as { message: string }).message, 'Missing Authentication Token');
    } finally {
      await mock.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
