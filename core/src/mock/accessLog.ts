import type { Exchange } from './exchange';
import { requestTime } from './lambda/proxyEventParts';
import type { MockResponse } from './response';

/**
 * One access-log record in the JSON shape of API Gateway's suggested access-log format.
 * Values are strings and a missing value is `-`, as the service writes them.
 */
export interface AccessLogEntry {
  requestId: string;
  ip: string;
  requestTime: string;
  httpMethod: string;
  resourcePath: string;
  status: string;
  protocol: string;
  responseLength: string;
  responseLatency: string;
  integrationLatency: string;
}

export function accessLogEntry(exchange: Exchange, response: MockResponse, finishedAt: number): AccessLogEntry {
  const { request } = exchange;
  return {
    requestId: request.requestId,
    ip: request.sourceIp,
    requestTime: requestTime(request.receivedAt),
    httpMethod: request.method,
    resourcePath: exchange.operation?.resourcePath ?? '-',
    status: String(response.status),
    protocol: request.protocol,
    responseLength: String(response.body.length),
    responseLatency: String(finishedAt - request.receivedAt),
    integrationLatency: exchange.integrationLatencyMs === undefined ? '-' : String(exchange.integrationLatencyMs),
  };
}
