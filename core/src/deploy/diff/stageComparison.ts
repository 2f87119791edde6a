import { GetExportCommand } from '@aws-sdk/client-api-gateway';
import { ExportApiCommand } from '@aws-sdk/client-apigatewayv2';
import { loadDocumentSet } from '../../document/documentSet';
import { locateApi } from '../apiLookup';
import { awsFind } from '../awsCall';
import type { AwsClients } from '../awsClients';
import type { DefinitionInfo } from '../definitionInfo';
import { DeployError } from '../deployError';
import type { DeployTarget } from '../deployTarget';
import { resolvedValue } from '../resolvedValue';
import { diffDefinitions, sortedJson, summarizeDiff, type DefinitionDiff } from './definitionDiff';
import { normalizeApi } from './normalizedApi';

/** The local definition beside what a stage serves, both normalised. */
export interface StageComparison {
  stage: string;
  apiId: string | undefined;
  /** `deployed`, or why there is nothing to compare with (everything then counts as added). */
  remote: 'deployed' | 'no-api' | 'no-stage';
  diff: DefinitionDiff;
  /** One line per kind of change, for a terminal or a notification. */
  summary: string[];
  /** The two normalised definitions as sorted JSON, for a side-by-side diff. */
  localText: string;
  remoteText: string;
}

/** AWS's models on every REST API; not a difference unless the file defines them too. */
const DEFAULT_MODELS = ['Empty', 'Error'];

/**
 * The export as plain JSON with its `$ref`s resolved, read by the same parser and resolver as
 * the local file so that both sides are normalised alike.
 */
async function parseExport(body: Uint8Array | undefined): Promise<unknown> {
  const text = new TextDecoder().decode(body ?? new Uint8Array());
  const set = await loadDocumentSet('apigw-export:/stage.json', text, async () => undefined);
  if (set.entry.parsed.root?.kind !== 'object') throw new DeployError('The stage export is not a JSON object, so it cannot be compared.', 'other');
  return resolvedValue(set, 'all');
}

async function exportOf(clients: AwsClients, info: Pick<DefinitionInfo, 'kind'>, apiId: string, stage: string): Promise<unknown> {
  if (info.kind === 'REST') {
    const out = await awsFind(clients, { operation: 'GetExport', method: 'GET', resource: `/restapis/${apiId}/stages/${stage}/exports/oas30` }, () =>
      clients.rest.send(new GetExportCommand({ restApiId: apiId, stageName: stage, exportType: 'oas30', parameters: { extensions: 'integrations,authorizers' }, accepts: 'application/json' })),
    );
    return out && (await parseExport(out.body));
  }
  const out = await awsFind(clients, { operation: 'ExportApi', method: 'GET', resource: `/apis/${apiId}/exports/OAS30` }, () =>
    clients.http.send(new ExportApiCommand({ ApiId: apiId, Specification: 'OAS30', OutputType: 'JSON', StageName: stage, IncludeExtensions: true })),
  );
  return out && (await parseExport(out.body));
}

/** Compares the definition with the export of the target's stage (GetExport / ExportApi). */
export async function compareWithStage(clients: AwsClients, info: Pick<DefinitionInfo, 'lint' | 'kind'>, target: Pick<DeployTarget, 'api' | 'stage' | 'mode'>): Promise<StageComparison> {
  const api = await locateApi(clients, info.kind, target.api);
  const exported = api ? await exportOf(clients, info, api.id, target.stage) : undefined;
  const local = normalizeApi(resolvedValue(info.lint.set, 'all'), info.kind);
  const remote = normalizeApi(exported ?? {}, info.kind);
  for (const name of DEFAULT_MODELS) if (!(name in local.models)) delete remote.models[name];
  const diff = diffDefinitions(local, remote);
  return {
    stage: target.stage,
    apiId: api?.id,
    remote: !api ? 'no-api' : exported === undefined ? 'no-stage' : 'deployed',
    diff,
    summary: summarizeDiff(diff, info.kind === 'HTTP' ? 'overwrite' : target.mode),
    localText: sortedJson(local),
    remoteText: sortedJson(remote),
  };
}
