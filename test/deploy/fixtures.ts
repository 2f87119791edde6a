import { parseApigwConfig, type ApigwConfig } from '../../core/src/config/apigwConfig';
import { createAwsClients, type AwsClients } from '../../core/src/deploy/awsClients';
import { planDeploy, type DeployPlan } from '../../core/src/deploy/deployPlan';
import type { TargetOverrides } from '../../core/src/deploy/deployTarget';

// The SDK's notice about its Node 20 support ending in 2027 is not what these tests are about.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

/** Recognisable fake credentials: a test fails if any of them shows up in output. */
export const TEST_CREDENTIALS = {
  accessKeyId: 'AKIDTESTEXAMPLE0001',
  secretAccessKey: 'wJalrTESTSECRETdoNotPrintK7MDENGbPxRfiCY',
  sessionToken: 'FwoGZXIvYXdzTESTSESSIONTOKENneverLogged0123456789',
};

const LAMBDA = 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:orders/invocations';

export const REST_API = `openapi: 3.0.1
info:
  title: Orders
  version: "1"
paths:
  /orders:
    get:
      responses:
        "200":
          description: ok
      x-amazon-apigateway-integration:
        type: aws_proxy
        httpMethod: POST
        uri: ${LAMBDA}
  /orders/{id}:
    get:
      parameters:
        - name: id
          in: path
          required: true
          schema:
            type: string
      responses:
        "200":
          description: ok
      x-amazon-apigateway-integration:
        type: aws_proxy
        httpMethod: POST
        uri: ${LAMBDA}
x-amazon-apigateway-request-validators:
  all:
    validateRequestBody: true
    validateRequestParameters: true
`;

export const HTTP_API = `openapi: 3.0.1
info:
  title: Checkout
  version: "1"
paths:
  /carts:
    post:
      responses:
        "200":
          description: ok
      x-amazon-apigateway-integration:
        type: aws_proxy
        httpMethod: POST
        uri: arn:aws:lambda:us-east-1:123456789012:function:carts
        payloadFormatVersion: "2.0"
x-amazon-apigateway-cors:
  allowOrigins:
    - https://shop.example.com
`;

export function config(json: object = {}): ApigwConfig {
  return parseApigwConfig(JSON.stringify(json), 'apigw.config.json');
}

export async function plan(text: string, stage: string, cfg: ApigwConfig = config(), overrides: TargetOverrides = {}): Promise<DeployPlan> {
  const outcome = await planDeploy({ uri: 'file:///nonexistent-apigw-test/api.yaml', text, read: async () => undefined, config: cfg, stage, overrides });
  if (!outcome.ok) throw new Error(`fixture has ${outcome.errors} lint errors: ${outcome.lint.diagnostics.map((d) => d.message).join('; ')}`);
  return outcome.plan;
}

/** Clients with static test credentials and no retries worth waiting for. */
export function testClients(endpoint?: string, maxAttempts = 1): AwsClients {
  return createAwsClients({ region: 'us-east-1', endpoint, maxAttempts, credentials: async () => ({ ...TEST_CREDENTIALS }) });
}
