import type { Exchange } from '../exchange';
import { localRegion } from '../lambda/localAccount';

/**
 * The ARN an authorizer's policy is matched against, and that Lambda authorizers get as
 * `methodArn` (`routeArn` in HTTP API 2.0 events):
 * `arn:aws:execute-api:{region}:{account}:{apiId}/{stage}/{METHOD}/{path}`, with the path as
 * requested (below the stage, without its leading slash).
 */
export function methodArn(exchange: Exchange): string {
  const { settings, api, request } = exchange;
  return `arn:aws:execute-api:${localRegion()}:${settings.accountId}:${api.apiId}/${settings.stage}/${request.method}/${exchange.path.replace(/^\//, '')}`;
}
