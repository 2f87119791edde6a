import assert from 'node:assert/strict';
import { importMessagesToDiagnostics, mentionIn } from '../../core/src/deploy/importMessages';
import { lintText } from '../../core/src/lint';

const DEFINITION = `swagger: "2.0"
info: {title: Pets, version: "1"}
basePath: /v1
paths:
  /pets:
    get:
      responses:
        "200": {description: ok, schema: {$ref: "#/definitions/Pet"}}
  /pets/{petId}:
    parameters:
      - {name: petId, in: path, required: true, type: string}
    delete:
      responses:
        "204": {description: gone}
securityDefinitions:
  petstore_auth: {type: oauth2, flow: implicit, authorizationUrl: "https://example.com/auth", scopes: {}}
definitions:
  Pet: {type: object}
`;

async function placed(message: string): Promise<string> {
  const { set, model } = await lintText('file:///api/pets.yaml', DEFINITION, async () => undefined);
  return importMessagesToDiagnostics(set, model, [message], 'warning')[0].pointer;
}

describe('deploy: import messages on the definition', () => {
  it('reads the place out of the shapes the importer words it in', () => {
    assert.deepEqual(mentionIn("Unable to put integration on 'DELETE' for resource at path '/pets/{petId}': Invalid ARN"), { method: 'DELETE', path: '/pets/{petId}' });
    assert.deepEqual(mentionIn("Parse issue: attribute paths.'/pets'(get).responses.200.schema is invalid"), { method: 'GET', path: '/pets', status: '200' });
    assert.deepEqual(mentionIn("Ignoring response model for 200 response on method 'GET /pets' because a model with the same name already exists."), { method: 'GET', path: '/pets', status: '200' });
    assert.deepEqual(mentionIn("Unsupported security definition type 'oauth2' for 'petstore_auth', ignoring."), { scheme: 'petstore_auth' });
    assert.deepEqual(mentionIn("Unable to create model 'Pet': Invalid model schema"), { model: 'Pet' });
  });

  it('places each message on the smallest node it names', async () => {
    assert.equal(await placed("Ignoring response model for 200 response on method 'GET /pets' because a model with the same name already exists."), '/paths/~1pets/get/responses/200');
    assert.equal(await placed("Unable to put integration on 'DELETE' for resource at path '/pets/{petId}': Invalid ARN"), '/paths/~1pets~1{petId}/delete');
    assert.equal(await placed("Unable to put method 'GET' on resource at path '/v1/pets': already exists"), '/paths/~1pets/get', 'a path with basepath=prepend');
    assert.equal(await placed("Unsupported security definition type 'oauth2' for 'petstore_auth', ignoring."), '/securityDefinitions/petstore_auth');
    assert.equal(await placed("Unable to create model 'Pet': Invalid model schema"), '/definitions/Pet');
    assert.equal(await placed('Something about the document as a whole'), '/swagger');
  });

  it('splits a rejected import into one diagnostic per line without the header', async () => {
    const { set, model } = await lintText('file:///api/pets.yaml', DEFINITION, async () => undefined);
    const ds = importMessagesToDiagnostics(set, model, ["Errors found during import:\n\tUnable to put method 'GET' on resource at path '/pets': x\n\tUnable to put method 'DELETE' on resource at path '/pets/{petId}': y"], 'error');
    assert.deepEqual(
      ds.map((d) => [d.severity, d.code, d.pointer, d.message]),
      [
        ['error', 'apigw.deploy.import-error', '/paths/~1pets/get', "API Gateway import: Unable to put method 'GET' on resource at path '/pets': x"],
        ['error', 'apigw.deploy.import-error', '/paths/~1pets~1{petId}/delete', "API Gateway import: Unable to put method 'DELETE' on resource at path '/pets/{petId}': y"],
      ],
    );
    assert.equal(ds[0].range.start.line, 5);
  });
});
