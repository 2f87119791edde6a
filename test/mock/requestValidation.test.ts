import assert from 'node:assert/strict';
import { startMock, type Harness, mockIntegration } from './harness';

const definition = `
openapi: 3.0.1
info: {title: Validation, version: "1"}
x-amazon-apigateway-request-validators:
  all: {validateRequestBody: true, validateRequestParameters: true}
  params: {validateRequestBody: false, validateRequestParameters: true}
x-amazon-apigateway-request-validator: params
paths:
  /books:
    post:
      x-amazon-apigateway-request-validator: all
      parameters:
        - {name: tenant, in: query, required: true, schema: {type: string}}
        - {name: X-Api-Version, in: header, required: true, schema: {type: string}}
      requestBody:
        required: true
        content:
          application/json:
            schema: {$ref: "#/components/schemas/Book"}
      responses: {"201": {description: created}}
      x-amazon-apigateway-integration:
        type: mock
        requestTemplates: {application/json: '{"statusCode": 201}'}
        responses: {default: {statusCode: "201", responseTemplates: {application/json: '{"ok": true}'}}}
  /loose:
    post:
      parameters:
        - {name: tenant, in: query, required: true, schema: {type: string}}
      requestBody:
        content:
          application/json:
            schema: {$ref: "#/components/schemas/Book"}
      responses: {"200": {description: ok}}
      x-amazon-apigateway-integration: ${JSON.stringify(mockIntegration('{"ok": true}'))}
components:
  schemas:
    Book:
      type: object
      required: [isbn, title, price]
      properties:
        isbn: {type: string, minLength: 10}
        title: {type: string}
        price: {$ref: "#/components/schemas/Money"}
        tags: {type: array, items: {type: string}}
    Money:
      type: object
      required: [amount]
      properties:
        amount: {type: number, minimum: 0}
`;

describe('request validation', () => {
  let h: Harness;
  before(async () => {
    h = await startMock(definition);
  });
  after(() => h.close());

  const post = (path: string, body: string, headers: Record<string, string> = {}) =>
    fetch(h.url + path, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });
  const good = JSON.stringify({ isbn: '1234567890', title: 'T', price: { amount: 3 } });

  it('lets a valid request through', async () => {
    const res = await post('/dev/books?tenant=t', good, { 'X-Api-Version': '2' });
    assert.equal(res.status, 201);
  });

  it('answers 400 naming the missing required parameters', async () => {
    const res = await post('/dev/books', good);
    assert.equal(res.status, 400);
    assert.deepEqual(await res.json(), { message: 'Missing required request parameters: [tenant, X-Api-Version]' });
  });

  it('checks parameters before the body', async () => {
    const res = await post('/dev/books', '{}', { 'X-Api-Version': '2' });
    assert.deepEqual(await res.json(), { message: 'Missing required request parameters: [tenant]' });
  });

  it('answers 400 Invalid request body for a body that breaks the model, following $refs', async () => {
    for (const body of ['{"isbn": "123", "title": "T", "price": {"amount": 1}}', '{"isbn": "1234567890", "title": "T", "price": {"amount": -1}}', '{"title": 5}', 'not json', '']) {
      const res = await post('/dev/books?tenant=t', body, { 'X-Api-Version': '2' });
      assert.equal(res.status, 400, body);
      assert.deepEqual(await res.json(), { message: 'Invalid request body' });
    }
  });

  it('skips body validation for a Content-Type without a model', async () => {
    const res = await fetch(`${h.url}/dev/books?tenant=t`, { method: 'POST', headers: { 'Content-Type': 'text/plain', 'X-Api-Version': '2' }, body: 'anything' });
    // No model and no request template for text/plain: the MOCK passes the body through and finds no statusCode.
    assert.notEqual(res.status, 400);
  });

  it('applies the root default validator (parameters only) to operations without their own', async () => {
    const missing = await post('/dev/loose', '{}');
    assert.equal(missing.status, 400);
    assert.deepEqual(await missing.json(), { message: 'Missing required request parameters: [tenant]' });
    const badBody = await post('/dev/loose?tenant=t', '{"title": 5}');
    assert.equal(badBody.status, 200);
  });
});

describe('request validation through gateway responses', () => {
  let h: Harness;
  before(async () => {
    h = await startMock(
      definition.replace(
        'paths:',
        `x-amazon-apigateway-gateway-responses:
  BAD_REQUEST_BODY:
    responseTemplates:
      application/json: '{"error": $context.error.messageString, "details": "$context.error.validationErrorString"}'
paths:`,
      ),
    );
  });
  after(() => h.close());

  // The string is substituted as is, quotes included, as API Gateway does: the result is not always valid JSON.
  it('exposes the validation errors in $context.error.validationErrorString', async () => {
    const res = await fetch(`${h.url}/dev/books?tenant=t`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Api-Version': '2' },
      body: '{"isbn": "123", "title": "T"}',
    });
    assert.equal(res.status, 400);
    const body = await res.text();
    assert.match(body, /^\{"error": "Invalid request body", "details": "\[/);
    assert.match(body, /object has missing required properties \(\["price"\]\)/);
    assert.match(body, /string "123" is too short \(length: 3, required minimum: 10\)/);
  });
});
