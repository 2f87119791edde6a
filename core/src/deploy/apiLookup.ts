import { GetRestApiCommand, GetRestApisCommand, type RestApi } from '@aws-sdk/client-api-gateway';
import { GetApiCommand, GetApisCommand, type Api } from '@aws-sdk/client-apigatewayv2';
import type { ApiKind } from '../catalog/types';
import { awsCall, awsFind } from './awsCall';
import type { AwsClients } from './awsClients';
import { DeployError } from './deployError';
import type { DeployTarget } from './deployTarget';

/** An API that exists in the account and region, in the terms both kinds share. */
export interface ExistingApi {
  id: string;
  name: string;
  /** REST: the endpoint types (EDGE, REGIONAL, PRIVATE). */
  endpointTypes: string[];
  /** HTTP: the API's own URL, which its stage URLs start with. */
  apiEndpoint: string | undefined;
}

function fromRest(api: RestApi): ExistingApi {
  return { id: api.id ?? '', name: api.name ?? '', endpointTypes: api.endpointConfiguration?.types ?? [], apiEndpoint: undefined };
}

function fromHttp(api: Pick<Api, 'ApiId' | 'ApiEndpoint'> & { Name?: string }): ExistingApi {
  return { id: api.ApiId ?? '', name: api.Name ?? '', endpointTypes: [], apiEndpoint: api.ApiEndpoint };
}

/** Every API of `kind` in the region, for a picker or a lookup by name. */
export async function listApis(clients: AwsClients, kind: ApiKind): Promise<ExistingApi[]> {
  const out: ExistingApi[] = [];
  if (kind === 'REST') {
    let position: string | undefined;
    do {
      const page = await awsCall(clients, { operation: 'GetRestApis', method: 'GET', resource: '/restapis' }, () => clients.rest.send(new GetRestApisCommand({ limit: 500, position })));
      out.push(...(page.items ?? []).map(fromRest));
      position = page.position;
    } while (position);
    return out;
  }
  let token: string | undefined;
  do {
    const page = await awsCall(clients, { operation: 'GetApis', method: 'GET', resource: '/apis' }, () => clients.http.send(new GetApisCommand({ MaxResults: '500', NextToken: token })));
    out.push(...(page.Items ?? []).filter((a) => a.ProtocolType === undefined || a.ProtocolType === 'HTTP').map(fromHttp));
    token = page.NextToken;
  } while (token);
  return out;
}

/**
 * The API the target names: by id (which must exist), or by name (undefined when no API has
 * it, so the deploy creates one). Several APIs with the name is an error: which one is meant
 * cannot be guessed.
 */
export async function locateApi(clients: AwsClients, kind: ApiKind, api: DeployTarget['api']): Promise<ExistingApi | undefined> {
  if ('id' in api) {
    const found =
      kind === 'REST'
        ? await awsFind(clients, { operation: 'GetRestApi', method: 'GET', resource: `/restapis/${api.id}` }, () => clients.rest.send(new GetRestApiCommand({ restApiId: api.id }))).then((r) => r && fromRest(r))
        : await awsFind(clients, { operation: 'GetApi', method: 'GET', resource: `/apis/${api.id}` }, () => clients.http.send(new GetApiCommand({ ApiId: api.id }))).then((r) => r && fromHttp(r));
    if (!found) throw new DeployError(`There is no ${kind} API with id '${api.id}' in region ${await clients.region()}.`, 'not-found', ['Check the id and the region (--region, or region in apigw.config.json).']);
    return found;
  }
  const named = (await listApis(clients, kind)).filter((a) => a.name === api.name);
  if (named.length > 1) {
    throw new DeployError(`${named.length} ${kind} APIs are named '${api.name}' (${named.map((a) => a.id).join(', ')}).`, 'refused', ['Say which one with --api-id, or apiId for the stage in apigw.config.json.']);
  }
  return named[0];
}
