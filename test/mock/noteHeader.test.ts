import assert from 'node:assert/strict';
import { NOTE_HEADER } from '../../core/src/mock/pipeline';
import { fakeLambda, LAMBDA_URI, restApi, startMock, type Harness } from './harness';

describe('mock notes in the response header', () => {
  let h: Harness;
  before(async () => {
    const lambda = fakeLambda(() => ({ kind: 'crash', message: 'échec 💥 du gestionnaire' }));
    h = await startMock(restApi({ '/x': { get: { responses: { '200': { description: 'ok' } }, 'x-amazon-apigateway-integration': { type: 'aws_proxy', httpMethod: 'POST', uri: LAMBDA_URI('fn') } } } }), { lambda });
  });
  after(() => h.close());

  it('carry a note quoting text a header cannot hold, instead of taking the emulator down', async () => {
    const res = await fetch(`${h.url}/dev/x`);
    assert.equal(res.status, 502);
    assert.match(res.headers.get(NOTE_HEADER) ?? '', /crashed: échec \?+ du gestionnaire/);
    assert.equal((await fetch(`${h.url}/dev/x`)).status, 502, 'still serving');
  });
});
