import assert from 'node:assert/strict';
import { GetRestApisCommand, ImportRestApiCommand, TooManyRequestsException } from '@aws-sdk/client-api-gateway';
import { createAwsClients } from '../../core/src/deploy/awsClients';
import { deploy } from '../../core/src/deploy/deploy';
import { DeployError } from '../../core/src/deploy/deployError';
import { plan, REST_API, TEST_CREDENTIALS, testClients } from './fixtures';
import { mockSdkInSuite } from './sdkMocks';

/** An error shaped as the SDK throws it for a service or credentials failure. */
function sdkError(name: string, message: string, status?: number): Error {
  return Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status, attempts: status === 429 ? 6 : 1 } });
}

describe('deploy: AWS failures worded for people', () => {
  const sdk = mockSdkInSuite();

  async function failureOf(error: Error, profile?: string): Promise<DeployError> {
    sdk.rest.on(GetRestApisCommand).resolves({ items: [] });
    sdk.rest.on(ImportRestApiCommand).rejects(error);
    const clients = profile ? createAwsClients({ region: 'eu-west-1', profile, credentials: async () => ({ ...TEST_CREDENTIALS }) }) : testClients();
    try {
      await deploy(await plan(REST_API, 'dev'), clients);
    } catch (err) {
      assert.ok(err instanceof DeployError);
      return err;
    }
    return assert.fail('deployed');
  }

  it('names the apigateway: permission AWS says is missing', async () => {
    const err = await failureOf(sdkError('AccessDeniedException', 'User: arn:aws:iam::123456789012:user/ci is not authorized to perform: apigateway:POST on resource: arn:aws:apigateway:us-east-1::/restapis', 403));
    assert.equal(err.kind, 'access-denied');
    assert.match(err.message, /ImportRestApi was denied: the identity from the default credential chain lacks the IAM permission apigateway:POST on arn:aws:apigateway:us-east-1::\/restapis\./);
    assert.match(err.message, /nothing was changed/);
  });

  it('names the permission from the call when AWS does not', async () => {
    const err = await failureOf(sdkError('AccessDeniedException', 'Forbidden', 403), 'ci');
    assert.match(err.message, /profile 'ci' lacks the IAM permission apigateway:POST on arn:aws:apigateway:eu-west-1::\/restapis/);
  });

  it('tells how to sign in again when the SSO session has expired', async () => {
    const err = await failureOf(sdkError('CredentialsProviderError', 'The SSO session associated with this profile has expired. To refresh this SSO session run aws sso login with the corresponding profile.'), 'dev-sso');
    assert.equal(err.kind, 'credentials');
    assert.match(err.message, /SSO session of profile 'dev-sso' has expired/);
    assert.deepEqual(err.hints, ['aws sso login --profile dev-sso']);
  });

  it('says expired session credentials are expired', async () => {
    const err = await failureOf(sdkError('ExpiredTokenException', 'The security token included in the request is expired', 403), 'dev-sso');
    assert.equal(err.kind, 'credentials');
    assert.deepEqual(err.hints, ['aws sso login --profile dev-sso']);
  });

  it('says when no credentials were found at all', async () => {
    const err = await failureOf(sdkError('CredentialsProviderError', 'Could not load credentials from any providers'));
    assert.match(err.message, /No AWS credentials from the default credential chain/);
  });

  it('reports throttling that outlasted the retries', async () => {
    const err = await failureOf(new TooManyRequestsException({ message: 'Too Many Requests', $metadata: { httpStatusCode: 429, attempts: 6 } }));
    assert.equal(err.kind, 'throttled');
    assert.match(err.message, /kept throttling ImportRestApi after 6 attempts/);
  });

  it('never repeats a secret that an error message echoes back', async () => {
    sdk.rest.on(GetRestApisCommand).rejects(sdkError('UnrecognizedClientException', `The security token included in the request is invalid: ${TEST_CREDENTIALS.sessionToken} signed by ${TEST_CREDENTIALS.secretAccessKey}`, 403));
    const clients = testClients();
    // The mocked send skips the SDK's signing, so the credentials are resolved the way signing would.
    await clients.rest.config.credentials();
    const err = await deploy(await plan(REST_API, 'dev'), clients).then(
      () => assert.fail('deployed'),
      (e: unknown) => e as DeployError,
    );
    const text = [err.message, ...err.hints].join('\n');
    for (const secret of Object.values(TEST_CREDENTIALS)) assert.ok(!text.includes(secret), `${secret} leaked: ${text}`);
    assert.match(text, /\[redacted\]/);
  });
});
