import { invokeUrl } from '../model/invokeUrl';

/**
 * Where a REST API's stage answers. On AWS: the execute-api host of the region. With a
 * custom endpoint: the path form LocalStack serves REST APIs under (another emulator may
 * use its own; the summary says which endpoint was used).
 */
export function restStageUrl(apiId: string, region: string, stage: string, endpoint: string | undefined): string {
  if (endpoint) return invokeUrl(`${endpoint.replace(/\/+$/, '')}/restapis/${apiId}`, stage, 'REST', '/_user_request_/');
  const domain = region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
  return invokeUrl(`https://${apiId}.execute-api.${region}.${domain}`, stage, 'REST', '/');
}

/** An HTTP API's stage: its ApiEndpoint, with the stage as the first segment unless it is `$default`. */
export function httpStageUrl(apiEndpoint: string, stage: string): string {
  return invokeUrl(apiEndpoint, stage, 'HTTP', '/');
}
