import assert from 'node:assert/strict';
import {
  EXTENSIONS,
  EXTENSION_NAMES,
  GATEWAY_RESPONSES,
  GATEWAY_RESPONSE_TYPES,
  INTEGRATION_SUBTYPES,
  INTEGRATION_SUBTYPE_NAMES,
  OBSERVED_ERRORS,
  QUOTAS,
  REGEX,
  REST_CONTEXT_DATA_TRANSFORM,
  SECURITY_POLICIES,
  UNVERIFIED_REGEX,
  appliesToKind,
  fieldAt,
  findExtension,
  findGatewayResponse,
  isContextVariable,
  isReservedHttpApiHeader,
  specForKind,
  subObjectPages,
  suggestName,
  type ExtensionSpec,
  type FieldSpec,
} from '../../core/src/catalog';

/** The guide's current index of extensions (sub-objects folded into their parent). */
const CURRENT_INDEX = [
  'x-amazon-apigateway-any-method',
  'x-amazon-apigateway-api-key-source',
  'x-amazon-apigateway-auth',
  'x-amazon-apigateway-authorizer',
  'x-amazon-apigateway-authtype',
  'x-amazon-apigateway-binary-media-types',
  'x-amazon-apigateway-cors',
  'x-amazon-apigateway-documentation',
  'x-amazon-apigateway-endpoint-access-mode',
  'x-amazon-apigateway-endpoint-configuration',
  'x-amazon-apigateway-gateway-responses',
  'x-amazon-apigateway-importexport-version',
  'x-amazon-apigateway-integration',
  'x-amazon-apigateway-integrations',
  'x-amazon-apigateway-minimum-compression-size',
  'x-amazon-apigateway-policy',
  'x-amazon-apigateway-request-validator',
  'x-amazon-apigateway-request-validators',
  'x-amazon-apigateway-security-policy',
  'x-amazon-apigateway-tag-value',
];

const PAGE_URL = /^https:\/\/docs\.aws\.amazon\.com\/apigateway\/latest\/developerguide\/[A-Za-z0-9.-]+\.html$/;

function extension(name: string): ExtensionSpec {
  const spec = findExtension(name);
  assert.ok(spec, `${name} is in the catalog`);
  return spec;
}

function field(name: string, ...path: string[]): FieldSpec {
  const spec = fieldAt(extension(name), path);
  assert.ok(spec, `${name} ${path.join('.')} is in the catalog`);
  return spec;
}

/** Every FieldSpec below `spec`, with a dotted path for messages. */
function* walk(spec: FieldSpec, path: string): Generator<[string, FieldSpec]> {
  yield [path, spec];
  for (const [name, child] of Object.entries(spec.properties ?? {})) yield* walk(child, `${path}.${name}`);
  if (spec.items) yield* walk(spec.items, `${path}[]`);
  if (spec.values) yield* walk(spec.values, `${path}.*`);
}

describe('catalog: extensions', () => {
  it('holds exactly the 20 extensions of the current index', () => {
    assert.deepEqual([...EXTENSION_NAMES].sort(), [...CURRENT_INDEX].sort());
    assert.equal(new Set(EXTENSION_NAMES).size, 20);
  });

  it('gives every extension a summary, doc, page, placements and kinds', () => {
    for (const spec of EXTENSIONS) {
      assert.ok(spec.summary.length > 0 && !spec.summary.includes('\n'), `${spec.name} summary`);
      assert.ok(spec.doc.length > 20, `${spec.name} doc`);
      assert.match(spec.page, PAGE_URL, `${spec.name} page`);
      assert.ok(spec.placements.length > 0, `${spec.name} placements`);
      assert.ok(spec.apiKinds.length > 0, `${spec.name} kinds`);
      assert.ok(spec.value.doc.length > 0, `${spec.name} value doc`);
    }
  });

  it('documents every nested field and keeps its patterns compilable', () => {
    for (const spec of EXTENSIONS) {
      for (const [path, f] of walk(spec.value, spec.name)) {
        assert.ok(f.doc.trim().length > 0, `${path} has a doc`);
        if (f.pattern) assert.doesNotThrow(() => new RegExp(f.pattern as string), path);
        if (f.keyPattern) assert.doesNotThrow(() => new RegExp(f.keyPattern as string), path);
        if (f.type === 'array') assert.ok(f.items, `${path} has items`);
        if (f.type === 'map') assert.ok(f.values, `${path} has values`);
        if (f.page) {
          assert.match(f.page, PAGE_URL, path);
          assert.match(f.title ?? '', /^x-amazon-apigateway-[a-z-]+\.[A-Za-z]+$/, `${path} title names the sub-object`);
        }
      }
    }
  });

  it('places extensions where the guide reads them', () => {
    assert.deepEqual(extension('x-amazon-apigateway-endpoint-configuration').placements, ['root', 'server']);
    assert.deepEqual(extension('x-amazon-apigateway-request-validator').placements, ['root', 'operation']);
    assert.deepEqual(extension('x-amazon-apigateway-integrations').placements, ['components']);
    assert.deepEqual(extension('x-amazon-apigateway-tag-value').placements, ['tag']);
    assert.deepEqual(extension('x-amazon-apigateway-cors').apiKinds, ['HTTP']);
    assert.deepEqual(extension('x-amazon-apigateway-auth').unverifiedKinds, ['HTTP']);
  });

  it('finds extensions by full name only', () => {
    assert.equal(findExtension('x-amazon-apigateway-cors')?.name, 'x-amazon-apigateway-cors');
    assert.equal(findExtension('cors'), undefined);
  });
});

describe('catalog: fields', () => {
  it('gives timeoutInMillis a different ceiling per kind', () => {
    const timeout = field('x-amazon-apigateway-integration', 'timeoutInMillis');
    assert.equal(specForKind(timeout, 'REST').minimum, 50);
    assert.equal(specForKind(timeout, 'REST').maximum, 29000);
    assert.equal(specForKind(timeout, 'REST').default, 29000);
    assert.equal(specForKind(timeout, 'HTTP').maximum, 30000);
    assert.equal(QUOTAS.timeoutInMillisRestStreaming.max, 900000);
  });

  it('limits the authorizer TTL to 0..3600 with REST default 300', () => {
    const ttl = field('x-amazon-apigateway-authorizer', 'authorizerResultTtlInSeconds');
    assert.equal(ttl.minimum, 0);
    assert.equal(ttl.maximum, 3600);
    assert.equal(specForKind(ttl, 'REST').default, 300);
  });

  it('narrows integration and authorizer types by kind', () => {
    const type = field('x-amazon-apigateway-integration', 'type');
    assert.equal(type.required, true);
    assert.equal(type.enumCaseInsensitive, true);
    assert.deepEqual(specForKind(type, 'REST').enum, ['aws', 'aws_proxy', 'http', 'http_proxy', 'mock']);
    assert.deepEqual(specForKind(type, 'HTTP').enum, ['aws_proxy', 'http_proxy']);
    const authorizer = field('x-amazon-apigateway-authorizer', 'type');
    assert.deepEqual(specForKind(authorizer, 'REST').enum, ['token', 'request', 'cognito_user_pools']);
    assert.deepEqual(specForKind(authorizer, 'HTTP').enum, ['request', 'jwt']);
    for (const kind of ['REST', 'HTTP'] as const) {
      for (const value of type.enumByKind?.[kind] ?? []) assert.ok(type.enum?.includes(value), `${value} in the union`);
    }
  });

  it('spells passthroughBehavior in lower case and accepts any case', () => {
    const passthrough = field('x-amazon-apigateway-integration', 'passthroughBehavior');
    assert.deepEqual(passthrough.enum, ['when_no_match', 'when_no_templates', 'never']);
    assert.equal(passthrough.enumCaseInsensitive, true);
    assert.deepEqual(passthrough.apiKinds, ['REST']);
    assert.equal(appliesToKind(passthrough, 'HTTP'), false);
  });

  it('knows HTTP-only and REST-only integration fields', () => {
    const payload = field('x-amazon-apigateway-integration', 'payloadFormatVersion');
    assert.deepEqual(payload.apiKinds, ['HTTP']);
    assert.equal(payload.required, true);
    assert.deepEqual(payload.alsoAccepts, ['number']);
    assert.deepEqual(field('x-amazon-apigateway-integration', 'integrationSubtype').enum, INTEGRATION_SUBTYPE_NAMES);
    assert.deepEqual(field('x-amazon-apigateway-integration', 'tlsConfig', 'insecureSkipVerification').appliesTo, ['http', 'http_proxy']);
    assert.equal(field('x-amazon-apigateway-integration', 'integrationTarget').verified, false);
    assert.equal(field('x-amazon-apigateway-integration', 'responseParameters').verified, false);
  });

  it('holds ranges of root extensions', () => {
    const compression = extension('x-amazon-apigateway-minimum-compression-size').value;
    assert.equal(compression.minimum, 0);
    assert.equal(compression.maximum, 10485760);
    const maxAge = field('x-amazon-apigateway-cors', 'maxAge');
    assert.equal(maxAge.minimum, -1);
    assert.equal(maxAge.maximum, 86400);
    assert.deepEqual(extension('x-amazon-apigateway-security-policy').value.enum, SECURITY_POLICIES);
    assert.equal(SECURITY_POLICIES.length, 12);
  });

  it('walks into responses, documentation parts and shared integrations', () => {
    assert.equal(field('x-amazon-apigateway-integration', 'responses', '4\\d{2}', 'statusCode').format, 'statusCode');
    assert.equal(field('x-amazon-apigateway-documentation', 'documentationParts', '0', 'location', 'type').required, true);
    assert.ok(field('x-amazon-apigateway-documentation', 'documentationParts', '0', 'location', 'name').appliesTo?.includes('path_parameter'));
    assert.equal(field('x-amazon-apigateway-integrations', 'shared', 'type').required, true);
    assert.equal(fieldAt(extension('x-amazon-apigateway-integration'), ['nope']), undefined);
    assert.equal(fieldAt(extension('x-amazon-apigateway-tag-value'), ['x']), undefined);
  });

  it('keys gateway responses by the 21 types', () => {
    const keys = new RegExp(extension('x-amazon-apigateway-gateway-responses').value.keyPattern as string);
    assert.ok(keys.test('DEFAULT_4XX'));
    assert.ok(keys.test('WAF_FILTERED'));
    assert.ok(!keys.test('DEFAULT_4XXX'));
    assert.ok(!keys.test('unauthorized'));
  });
});

describe('catalog: sub-object pages', () => {
  it('lists every page once, the extensions and their own sub-objects', () => {
    const pages = subObjectPages();
    assert.ok(pages.length >= 30, `${pages.length} pages`);
    assert.equal(new Set(pages.map((p) => p.title)).size, pages.length);
    const titles = pages.map((p) => p.title);
    for (const title of [
      'x-amazon-apigateway-integration.requestTemplates',
      'x-amazon-apigateway-integration.requestParameters',
      'x-amazon-apigateway-integration.responses',
      'x-amazon-apigateway-integration.response',
      'x-amazon-apigateway-integration.responseTemplates',
      'x-amazon-apigateway-integration.responseParameters',
      'x-amazon-apigateway-integration.tlsConfig',
      'x-amazon-apigateway-gateway-responses.gatewayResponse',
      'x-amazon-apigateway-gateway-responses.responseParameters',
      'x-amazon-apigateway-gateway-responses.responseTemplates',
      'x-amazon-apigateway-request-validators.requestValidator',
    ]) {
      assert.ok(titles.includes(title), title);
    }
    const gatewayResponse = pages.find((p) => p.title === 'x-amazon-apigateway-gateway-responses.gatewayResponse');
    assert.equal(gatewayResponse?.page, 'https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-gateway-responses.gatewayResponse.html');
  });
});

describe('catalog: suggestName', () => {
  it('finds the extension a typo meant', () => {
    assert.equal(suggestName('x-amazon-apigateway-integratoin', EXTENSION_NAMES), 'x-amazon-apigateway-integration');
    assert.equal(suggestName('x-amazon-apigateway-request-validater', EXTENSION_NAMES), 'x-amazon-apigateway-request-validator');
    assert.equal(suggestName('X-Amazon-Apigateway-Cors', EXTENSION_NAMES), 'x-amazon-apigateway-cors');
  });

  it('stays quiet when nothing is close', () => {
    assert.equal(suggestName('x-amazon-apigateway-frobnicator', EXTENSION_NAMES), undefined);
    assert.equal(suggestName('banana', ['type', 'uri', 'httpMethod']), undefined);
    assert.equal(suggestName('uri', ['uri']), undefined);
  });

  it('allows two edits on short names', () => {
    assert.equal(suggestName('urj', ['type', 'uri', 'httpMethod']), 'uri');
  });

  it('answers at once for a key a megabyte long (found by the language server fuzz: 3 s of edit distances per check)', () => {
    const started = performance.now();
    assert.equal(suggestName(`x-amazon-apigateway-${'x'.repeat(1_000_000)}`, EXTENSION_NAMES), undefined);
    assert.ok(performance.now() - started < 100);
  });
});

/** Good and bad examples per regex; the good ones follow the guide's examples. */
const REGEX_EXAMPLES: Record<keyof typeof REGEX, { good: string[]; bad: string[] }> = {
  lambdaInvokeUri: {
    good: [
      'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:TestSimpleProxy/invocations',
      'arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:my-fn:prod/invocations',
      'arn:aws-cn:apigateway:cn-north-1:lambda:path/2015-03-31/functions/arn:aws-cn:lambda:cn-north-1:123456789012:function:fn:$LATEST/invocations',
    ],
    bad: [
      'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:12345678901:function:Fn/invocations',
      'arn:was:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:Fn/invocations',
      'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:Fn',
    ],
  },
  lambdaStreamingUri: {
    good: [
      'arn:aws:apigateway:us-west-2:lambda:path/2021-11-15/functions/arn:aws:lambda:us-west-2:123456789012:function:stream/response-streaming-invocations',
      'arn:aws:apigateway:us-east-1:lambda:path/2021-11-15/functions/arn:aws:lambda:us-east-1:123456789012:function:s:live/response-streaming-invocations',
      'arn:aws-us-gov:apigateway:us-gov-west-1:lambda:path/2021-11-15/functions/arn:aws-us-gov:lambda:us-gov-west-1:123456789012:function:s/response-streaming-invocations',
    ],
    bad: [
      'arn:aws:apigateway:us-west-2:lambda:path/2015-03-31/functions/arn:aws:lambda:us-west-2:123456789012:function:stream/response-streaming-invocations',
      'arn:aws:apigateway:us-west-2:lambda:path/2021-11-15/functions/arn:aws:lambda:us-west-2:123456789012:function:stream/invocations',
      'arn:aws:apigateway:us-west-2:lambda:path/2021-11-15/functions/arn:aws:lambda:us-west-2:1234567890123:function:s/response-streaming-invocations',
    ],
  },
  lambdaFunctionArn: {
    good: [
      'arn:aws:lambda:us-east-1:123456789012:function:HelloWorld',
      'arn:aws:lambda:us-east-1:123456789012:function:HelloWorld:1',
      'arn:aws:lambda:eu-central-1:123456789012:function:hello_world-2:$LATEST',
    ],
    bad: ['arn:aws:lambda:us-east-1:123456789012:HelloWorld', 'arn:aws:lambda:us-east-1:123456789012:function:Hello.World', 'arn:aws:s3:::bucket'],
  },
  awsServiceUri: {
    good: [
      'arn:aws:apigateway:us-east-1:s3:path/{bucket}/{key}',
      'arn:aws:apigateway:us-east-1:s3:action/GetObject&Bucket={bucket}&Key={key}',
      'arn:aws:apigateway:us-west-2:mybucket.s3:path/folder/file',
    ],
    bad: ['arn:aws:apigateway:us-east-1:s3:GetObject', 'arn:aws:apigateway:us-east-1:s3:path/', 'arn:was:apigateway:us-east-1:sqs:path/123456789012/queue'],
  },
  httpUrl: {
    good: ['https://petstore.execute-api.us-east-1.amazonaws.com/petstore/pets', 'http://example.com/stagevar/bar', 'http://stagevar/x?q=1'],
    bad: ['ftp://example.com/file', 'https://', 'example.com/path'],
  },
  elbListenerArn: {
    good: [
      'arn:aws:elasticloadbalancing:us-west-2:123456789012:listener/app/my-load-balancer/50dc6c495c0c9188/0467ef3c8400ae65',
      'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/net/my-nlb/1234567890abcdef/fedcba0987654321',
      'arn:aws-cn:elasticloadbalancing:cn-north-1:123456789012:listener/app/lb/abc123/def456',
    ],
    bad: [
      'arn:aws:elasticloadbalancing:us-west-2:123456789012:loadbalancer/app/my-load-balancer/50dc6c495c0c9188',
      'arn:aws:elasticloadbalancing:us-west-2:123456789012:listener/gwy/lb/abc/def',
      'arn:aws:elasticloadbalancing:us-west-2:123456789012:listener/app/lb/xyz/def',
    ],
  },
  cloudMapServiceArn: {
    good: [
      'arn:aws:servicediscovery:us-east-2:123456789012:service/srv-id123',
      'arn:aws:servicediscovery:us-west-2:123456789012:service/srv-abc123def456',
      'arn:aws-cn:servicediscovery:cn-north-1:123456789012:service/srv-0',
    ],
    bad: [
      'arn:aws:servicediscovery:us-east-2:123456789012:namespace/ns-abc',
      'arn:aws:servicediscovery:us-east-2:12345678901:service/srv-abc',
      'arn:aws:servicediscovery:us-east-2:123456789012:service/abc',
    ],
  },
  cognitoUserPoolArn: {
    good: [
      'arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_ABC123',
      'arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_aBcDeF123',
      'arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_0',
    ],
    bad: [
      'arn:aws:cognito-idp:us-east-1:123456789012:userpool/ABC123',
      'arn:aws:cognito-identity:us-east-1:123456789012:identitypool/us-east-1_abc',
      'arn:aws:cognito-idp:us-east-1:123:userpool/us-east-1_ABC',
    ],
  },
  iamRoleArn: {
    good: ['arn:aws:iam::123456789012:role/apigAwsProxyRole', 'arn:aws:iam::123456789012:role/service-role/my.role+x', 'arn:aws-cn:iam::123456789012:role/r'],
    bad: ['arn:aws:iam::123456789012:user/bob', 'arn:aws:iam:us-east-1:123456789012:role/r', 'arn:aws:iam::*:user/*'],
  },
  callerCredentials: {
    good: ['arn:aws:iam::*:user/*', 'arn:aws-cn:iam::*:user/*', 'arn:aws-us-gov:iam::*:user/*'],
    bad: ['arn:aws:iam::123456789012:user/*', 'arn:aws:iam::*:role/*', 'arn:aws:iam::*:user/bob'],
  },
  stageVariableReference: {
    good: ['http://${stageVariables.url}/x', '${stageVariables.fn}', 'a/${stageVariables.path_1}/b'],
    bad: ['$stageVariables.url', '${stageVariables}', '${stageVariable.url}'],
  },
  importAwsVariableReference: {
    good: ['arn:${AWS::Partition}:apigateway', '${AWS::Region}', 'x:${AWS::AccountId}:y'],
    bad: ['${AWS::StackName}', '${aws::Region}', 'AWS::Region'],
  },
  stageVariableName: { good: ['url', 'lambda_alias', 'V2'], bad: ['my-var', 'a.b', 'x'.repeat(65)] },
  stageVariableValue: { good: ['example.com', 'https://example.com/a?b=c&d=e', 'prod_1'], bad: ['has space', 'a|b', ''] },
  stageName: { good: ['prod', 'dev-1', 'v_2'], bad: ['my stage', 'a.b', 'x'.repeat(129)] },
  statusCode: { good: ['200', '404', '504'], bad: ['600', '20', 'default'] },
  documentationStatusCode: { good: ['200', '*', ''], bad: ['600', '2xx', 'default'] },
  mediaType: { good: ['application/json', 'image/*', '*/*'], bad: ['json', 'application/', 'application/json; charset=utf-8'] },
  restPathSegment: { good: ['pets', '{petId}', '{proxy+}'], bad: ['res{id}', '{a b}', 'x y'] },
  httpApiRouteKey: { good: ['$default', 'GET /pets', 'ANY /{proxy+}'], bad: ['get /pets', 'GET pets', '/pets'] },
  paramName: { good: ['petId', 'X-Api-Key', 'a.b$c'], bad: ['a b', 'a/b', ''] },
  restIntegrationRequestParameterKey: {
    good: ['integration.request.header.x-userid', 'integration.request.querystring.type', 'integration.request.path.id'],
    bad: ['integration.request.body', 'method.request.header.x', 'integration.request.cookie.a'],
  },
  restIntegrationRequestParameterValue: {
    good: ['method.request.header.x-user-id', 'method.request.body.pet.name', "'application/json'"],
    bad: ['method.request.cookie.a', '$request.header.x', 'integration.response.header.x'],
  },
  restMethodRequestParameterKey: {
    good: ['method.request.path.petId', 'method.request.querystring.page', 'method.request.multivalueheader.Accept'],
    bad: ['method.request.body', 'method.response.header.x', 'method.request.path.'],
  },
  restMethodResponseParameterKey: {
    good: ['method.response.header.Access-Control-Allow-Origin', 'method.response.header.Location', 'method.response.header.x-a'],
    bad: ['method.response.body', 'integration.response.header.x', 'method.response.header.'],
  },
  restIntegrationResponseParameterValue: {
    good: ["'*'", 'integration.response.header.Location', 'integration.response.body.id'],
    bad: ['method.request.header.x', 'integration.response.querystring.a', '"*"'],
  },
  gatewayResponseParameterKey: {
    good: ['gatewayresponse.header.Access-Control-Allow-Origin', 'gatewayresponse.path.id', 'gatewayresponse.querystring.q'],
    bad: ['gatewayresponse.body', 'method.response.header.x', 'gatewayResponse.header.x'],
  },
  gatewayResponseParameterValue: {
    good: ["'*'", 'method.request.header.origin', 'method.request.querystring.q'],
    bad: ['integration.response.header.x', 'method.request.body', '*'],
  },
  httpApiRequestParameterKey: {
    good: ['append:header.x-user', 'overwrite:querystring.page', 'overwrite:path'],
    bad: ['append:path', 'header.x', 'remove:body'],
  },
  httpApiResponseParameterKey: {
    good: ['overwrite:statuscode', 'append:header.x-trace', 'remove:header.Server'],
    bad: ['overwrite:path', 'append:statuscode', 'header.x'],
  },
  httpApiResponseStatusKey: { good: ['200', '404', '599'], bad: ['199', '600', 'default'] },
  httpApiSelectionValueToken: {
    good: ['$request.header.Authorization', 'user-${context.requestId}', '$response.body.id'],
    bad: ['request.header.x', '$input.body', 'static text'],
  },
  restIdentitySourceItem: {
    good: ['method.request.header.Authorization', 'method.request.querystring.token', 'context.sourceIp'],
    bad: ['method.request.path.id', '$request.header.Authorization', 'method.request.body'],
  },
  restHeaderIdentitySource: {
    good: ['method.request.header.Authorization', 'method.request.header.x-token', 'method.request.header.Auth'],
    bad: ['method.request.querystring.token', 'Authorization', 'method.request.header.'],
  },
  httpIdentitySourceItem: {
    good: ['$request.header.Authorization', '$request.querystring.token', '$context.routeKey'],
    bad: ['request.header.Authorization', '$request.path.id', 'method.request.header.Authorization'],
  },
  httpJwtIdentitySource: {
    good: ['$request.header.Authorization', '$request.querystring.token', '$request.header.X-Token'],
    bad: ['$context.routeKey', '$request.header.a,$request.header.b', 'Authorization'],
  },
};

describe('catalog: regexes', () => {
  for (const [name, source] of Object.entries(REGEX) as Array<[keyof typeof REGEX, string]>) {
    it(`${name} compiles, accepts good and rejects bad examples`, () => {
      const examples = REGEX_EXAMPLES[name];
      const pattern = new RegExp(source);
      for (const good of examples.good) assert.ok(pattern.test(good), `${name} accepts ${good}`);
      for (const bad of examples.bad) assert.ok(!pattern.test(bad), `${name} rejects ${bad}`);
    });
  }

  it('keeps the unverified forms apart', () => {
    const matches = (source: string, text: string) => new RegExp(source).test(text);
    assert.ok(matches(UNVERIFIED_REGEX.restDollarParameterValue, '$context.requestId'));
    assert.ok(!matches(REGEX.restIntegrationRequestParameterValue, '$context.requestId'));
    assert.ok(matches(UNVERIFIED_REGEX.gatewayResponseVariableValue, 'stageVariables.origin'));
    assert.ok(!matches(REGEX.gatewayResponseParameterValue, 'stageVariables.origin'));
  });
});

describe('catalog: facts', () => {
  it('has the 21 gateway response types with defaults and fallbacks', () => {
    assert.equal(GATEWAY_RESPONSES.length, 21);
    assert.equal(new Set(GATEWAY_RESPONSE_TYPES).size, 21);
    assert.equal(findGatewayResponse('THROTTLED')?.defaultStatusCode, '429');
    assert.equal(findGatewayResponse('INTEGRATION_TIMEOUT')?.fallsBackTo, 'DEFAULT_5XX');
    assert.equal(findGatewayResponse('DEFAULT_4XX')?.defaultStatusCode, null);
    assert.equal(findGatewayResponse('UNAUTHORIZED')?.verified, false);
    for (const response of GATEWAY_RESPONSES) {
      if (response.fallsBackTo) assert.equal(response.fallsBackTo, response.defaultStatusCode?.startsWith('5') ? 'DEFAULT_5XX' : 'DEFAULT_4XX', response.type);
    }
  });

  it('lists the subtype parameters', () => {
    assert.equal(INTEGRATION_SUBTYPE_NAMES.length, 10);
    assert.deepEqual(INTEGRATION_SUBTYPES['SQS-SendMessage'].required, ['QueueUrl', 'MessageBody']);
    assert.ok(INTEGRATION_SUBTYPES['StepFunctions-StartSyncExecution'].optional.includes('TraceHeader'));
  });

  it('matches reserved HTTP API headers by name and prefix, in any case', () => {
    assert.ok(isReservedHttpApiHeader('Authorization'));
    assert.ok(isReservedHttpApiHeader('X-Amz-Date'));
    assert.ok(isReservedHttpApiHeader('x-amzn-trace-id'));
    assert.ok(isReservedHttpApiHeader('Access-Control-Allow-Origin'));
    assert.ok(!isReservedHttpApiHeader('x-amazing'));
    assert.ok(!isReservedHttpApiHeader('x-user-id'));
  });

  it('matches $context variables with free segments', () => {
    assert.ok(isContextVariable(REST_CONTEXT_DATA_TRANSFORM, 'requestId'));
    assert.ok(isContextVariable(REST_CONTEXT_DATA_TRANSFORM, 'authorizer.claims.email'));
    assert.ok(isContextVariable(REST_CONTEXT_DATA_TRANSFORM, 'requestOverride.header.X-Trace'));
    assert.ok(!isContextVariable(REST_CONTEXT_DATA_TRANSFORM, 'integrationLatency'));
    assert.ok(!isContextVariable(REST_CONTEXT_DATA_TRANSFORM, 'requestid'));
  });

  it('quotes the import errors API Gateway returns', () => {
    assert.equal(OBSERVED_ERRORS.missingPathOrAction.message, 'AWS ARN for integration must contain path or action');
    assert.equal(OBSERVED_ERRORS.noMethods.verified, false);
  });
});
