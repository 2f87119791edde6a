import { APIGatewayClient } from '@aws-sdk/client-api-gateway';
import { ApiGatewayV2Client } from '@aws-sdk/client-apigatewayv2';
import { mockClient, type AwsClientStub } from 'aws-sdk-client-mock';

export interface SdkMocks {
  rest: AwsClientStub<APIGatewayClient>;
  http: AwsClientStub<ApiGatewayV2Client>;
}

/**
 * Mocks both API Gateway clients for the enclosing describe only: mockClient stubs the
 * clients' prototypes, which would otherwise also catch the tests that run the real SDK.
 */
export function mockSdkInSuite(): SdkMocks {
  const mocks = {} as SdkMocks;
  before(() => {
    mocks.rest = mockClient(APIGatewayClient);
    mocks.http = mockClient(ApiGatewayV2Client);
  });
  beforeEach(() => {
    mocks.rest.reset();
    mocks.http.reset();
  });
  after(() => {
    mocks.rest.restore();
    mocks.http.restore();
  });
  return mocks;
}
