import assert from 'node:assert/strict';
import { loadDocumentSet } from '../../core/src/document/documentSet';
import { importBody } from '../../core/src/deploy/importBody';

const ENTRY = `openapi: 3.0.1
info: {title: Pets, version: "1"}
paths:
  /pets:
    get:
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {$ref: "schemas.yaml#/Pet"}
components:
  schemas:
    Owner: {type: object}
`;

async function bodyOf(files: Record<string, string>): Promise<unknown> {
  const set = await loadDocumentSet('file:///api/api.yaml', ENTRY, async (uri) => files[uri.replace('file:///api/', '')]);
  const body = importBody(set);
  assert.equal(body.bundled, true);
  return JSON.parse(new TextDecoder().decode(body.bytes));
}

describe('deploy: the import body of a definition split over files', () => {
  it('inlines the other files and keeps the entry\'s own references', async () => {
    const body = (await bodyOf({
      'schemas.yaml': 'Pet:\n  type: object\n  properties:\n    tag: {$ref: "#/Tag"}\n    owner: {$ref: "api.yaml#/components/schemas/Owner"}\nTag: {type: string}\n',
    })) as { paths: Record<string, { get: { responses: Record<string, { content: Record<string, { schema: unknown }> }> } }> };
    assert.deepEqual(body.paths['/pets'].get.responses['200'].content['application/json'].schema, {
      type: 'object',
      properties: { tag: { type: 'string' }, owner: { $ref: '#/components/schemas/Owner' } },
    });
  });

  it('refuses a reference cycle through other files, which cannot be inlined', async () => {
    await assert.rejects(bodyOf({ 'schemas.yaml': 'Pet:\n  type: object\n  properties:\n    parent: {$ref: "#/Pet"}\n' }), /refers back to itself through other files/);
  });

  it('sends a single file as written', async () => {
    const set = await loadDocumentSet('file:///api/one.yaml', '# a comment\nopenapi: 3.0.1\n', async () => undefined);
    const body = importBody(set);
    assert.equal(body.bundled, false);
    assert.equal(new TextDecoder().decode(body.bytes), '# a comment\nopenapi: 3.0.1\n');
  });
});
