import type { ApiKind } from '../catalog/types';
import { tabStops, type Template } from './templateRender';

/**
 * A whole security scheme with its `x-amazon-apigateway-authorizer`. Tab stops start at 2:
 * a new scheme's name is stop 1.
 */
export interface AuthorizerTemplate {
  label: string;
  description: string;
  kind: ApiKind;
  /** The name a new scheme gets by default. */
  name: string;
  scheme: { readonly [key: string]: Template };
}

const AUTHORIZER = 'x-amazon-apigateway-authorizer';
const AUTHORIZER_URI = tabStops(
  'arn:aws:apigateway:${2:us-east-1}:lambda:path/2015-03-31/functions/arn:aws:lambda:${2}:${3:123456789012}:function:${4:my-authorizer}/invocations',
);

export const AUTHORIZER_TEMPLATES: readonly AuthorizerTemplate[] = [
  {
    label: 'Cognito user pool',
    description: 'Accepts ID or access tokens of a Cognito user pool in the Authorization header.',
    kind: 'REST',
    name: 'CognitoAuth',
    scheme: {
      type: 'apiKey',
      name: 'Authorization',
      in: 'header',
      'x-amazon-apigateway-authtype': 'cognito_user_pools',
      [AUTHORIZER]: {
        type: 'cognito_user_pools',
        providerARNs: [tabStops('arn:aws:cognito-idp:${2:us-east-1}:${3:123456789012}:userpool/${4:us-east-1_AbCdEf123}')],
      },
    },
  },
  {
    label: 'Lambda TOKEN',
    description: 'A Lambda function checks the token in one header; results are cached for five minutes.',
    kind: 'REST',
    name: 'TokenAuth',
    scheme: {
      type: 'apiKey',
      name: 'Authorization',
      in: 'header',
      'x-amazon-apigateway-authtype': 'custom',
      [AUTHORIZER]: { type: 'token', authorizerUri: AUTHORIZER_URI, authorizerResultTtlInSeconds: 300 },
    },
  },
  {
    label: 'Lambda REQUEST',
    description: 'A Lambda function receives the request parameters named in identitySource.',
    kind: 'REST',
    name: 'RequestAuth',
    scheme: {
      type: 'apiKey',
      name: 'Unused',
      in: 'header',
      'x-amazon-apigateway-authtype': 'custom',
      [AUTHORIZER]: {
        type: 'request',
        authorizerUri: AUTHORIZER_URI,
        identitySource: tabStops('method.request.header.${5:Authorization}'),
        authorizerResultTtlInSeconds: 300,
      },
    },
  },
  {
    label: 'JWT',
    description: 'HTTP API JWT authorizer: API Gateway validates the token against the issuer and audiences.',
    kind: 'HTTP',
    name: 'JwtAuth',
    scheme: {
      type: 'openIdConnect',
      openIdConnectUrl: tabStops('https://cognito-idp.${2:us-east-1}.amazonaws.com/${3:us-east-1_AbCdEf123}/.well-known/openid-configuration'),
      [AUTHORIZER]: {
        type: 'jwt',
        identitySource: '$request.header.Authorization',
        jwtConfiguration: {
          issuer: tabStops('https://cognito-idp.${2}.amazonaws.com/${3}'),
          audience: [tabStops('${4:my-app-client-id}')],
        },
      },
    },
  },
  {
    label: 'Lambda (simple responses)',
    description: 'HTTP API Lambda authorizer that answers {"isAuthorized": true|false} with the 2.0 payload.',
    kind: 'HTTP',
    name: 'LambdaAuth',
    scheme: {
      type: 'apiKey',
      name: 'Authorization',
      in: 'header',
      [AUTHORIZER]: {
        type: 'request',
        identitySource: '$request.header.Authorization',
        authorizerUri: AUTHORIZER_URI,
        authorizerPayloadFormatVersion: '2.0',
        enableSimpleResponses: true,
        authorizerResultTtlInSeconds: 300,
      },
    },
  },
];

export function authorizerBody(template: AuthorizerTemplate): Template {
  return template.scheme[AUTHORIZER];
}
