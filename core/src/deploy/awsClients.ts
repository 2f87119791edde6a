import { APIGatewayClient } from '@aws-sdk/client-api-gateway';
import { ApiGatewayV2Client } from '@aws-sdk/client-apigatewayv2';
import { fromIni, fromNodeProviderChain } from '@aws-sdk/credential-providers';
import { SecretRedactor } from './secretRedactor';

export interface AwsIdentity {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: Date;
}

export type CredentialsProvider = () => Promise<AwsIdentity>;

/** Where and as whom to call API Gateway's control plane. */
export interface AwsConnection {
  region?: string;
  /** A named profile of ~/.aws/config (SSO profiles included); the default chain otherwise. */
  profile?: string;
  /** Another control-plane endpoint, e.g. LocalStack's http://localhost:4566. */
  endpoint?: string;
  /** Given credentials instead of a profile or the default chain (tests, an editor's own login). */
  credentials?: CredentialsProvider;
  /**
   * Attempts per call, retries included. API Gateway throttles its control plane hard
   * (CreateDeployment once per 5 s per account), so the SDK's standard strategy, which
   * backs off longer on throttling errors, gets more tries than its default 3.
   */
  maxAttempts?: number;
}

export interface AwsClients {
  rest: APIGatewayClient;
  http: ApiGatewayV2Client;
  redactor: SecretRedactor;
  /** The region the SDK settled on (the argument, the profile, or AWS_REGION). */
  region(): Promise<string>;
  endpoint: string | undefined;
  profile: string | undefined;
  destroy(): void;
}

export const DEFAULT_MAX_ATTEMPTS = 6;

export function createAwsClients(connection: AwsConnection): AwsClients {
  const redactor = new SecretRedactor();
  const source: CredentialsProvider = connection.credentials ?? (connection.profile ? fromIni({ profile: connection.profile }) : fromNodeProviderChain());
  const credentials: CredentialsProvider = async () => {
    const identity = await source();
    redactor.remember(identity.accessKeyId, identity.secretAccessKey, identity.sessionToken);
    return identity;
  };
  const config = {
    region: connection.region,
    profile: connection.profile,
    endpoint: connection.endpoint,
    credentials,
    maxAttempts: connection.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    retryMode: 'standard',
  };
  const rest = new APIGatewayClient(config);
  const http = new ApiGatewayV2Client(config);
  return {
    rest,
    http,
    redactor,
    region: () => rest.config.region(),
    endpoint: connection.endpoint,
    profile: connection.profile,
    destroy: () => {
      rest.destroy();
      http.destroy();
    },
  };
}
