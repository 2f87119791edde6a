import assert from 'node:assert/strict';
import { defaultLocalStage, invokeUrl } from '../../core/src/model/invokeUrl';

describe('invokeUrl: local and deployed method URLs', () => {
  it('puts the stage first, except for an HTTP API\'s $default stage', () => {
    assert.equal(invokeUrl('http://127.0.0.1:3000/', 'dev', 'REST', '/books/{id}'), 'http://127.0.0.1:3000/dev/books/{id}');
    assert.equal(invokeUrl('http://127.0.0.1:3000', defaultLocalStage('HTTP'), 'HTTP', '/carts'), 'http://127.0.0.1:3000/carts');
    assert.equal(invokeUrl('http://127.0.0.1:3000', 'prod', 'HTTP', '/carts'), 'http://127.0.0.1:3000/prod/carts');
    assert.equal(defaultLocalStage('REST'), 'dev');
  });
});
