import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { LspClient } from '../support/lspClient';
import { describeCase, fuzzCaseArbitrary, fuzzDocuments, REQUEST_BOUND_MS, runFuzzCase, ServerErrorLog, writeRefTargets, type FuzzDocument } from '../support/lspFuzz';
import { SHARED } from '../support/shared';

/** Few enough for CI; test/stress/lspFuzz.mjs runs 10,000 with the same generators. */
const CASES = 300;
const SEED = 20261124;

describe('language server fuzzing (issue 9)', function () {
  this.timeout(120_000);
  let client: LspClient;
  let dir: string;
  let documents: FuzzDocument[];

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'apigw-fuzz-'));
    writeRefTargets(dir);
    // The examples always; the shared corpus when it is there (a bare clone fuzzes the examples alone).
    const corpus = path.join(SHARED, 'corpus', 'real');
    if (!existsSync(corpus)) console.log('      skipped the shared corpus: corpus not present (fuzzing the examples only)');
    documents = fuzzDocuments(corpus);
    client = new LspClient();
    await client.initialize();
  });

  after(async () => {
    await client.shutdown();
    rmSync(dir, { recursive: true, force: true });
  });

  it(`answers every request on ${CASES} mutated definitions within ${REQUEST_BOUND_MS} ms, without an internal error`, async () => {
    const errors = new ServerErrorLog(client);
    let index = 0;
    await fc.assert(
      fc.asyncProperty(fuzzCaseArbitrary(documents.length), async (c) => {
        const failures = await runFuzzCase(client, dir, documents, c, index++, errors, () => undefined);
        assert.deepEqual(failures, [], describeCase(documents, c));
        assert.equal(client.exitCode, null, 'the server is still running');
      }),
      { seed: SEED, numRuns: CASES, endOnFailure: true },
    );
    // Still answering after all that: a final request on a plain definition.
    const uri = 'file:///fuzz-final.yaml';
    await client.open(uri, 'openapi: 3.0.1\ninfo: {title: t, version: "1"}\npaths: {}\n');
    const symbols = await client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.ok(symbols.length > 0);
    assert.equal(client.exitCode, null);
  });
});
