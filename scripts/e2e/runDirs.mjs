// Private folders for one run of VS Code: user data with the settings the tests need, an
// extensions folder, and a workspace made of copies of examples/, so a run never touches
// the repository's files or the machine's own VS Code profile.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const E2E_ROOT = resolve('.e2e');

/** Quiet, offline and deterministic: nothing in the workbench races the tests for focus. */
const COMMON_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'json.schemaDownload.enable': false,
  'git.enabled': false,
  'chat.disableAIFeatures': true,
  'window.restoreWindows': 'none',
  'editor.minimap.enabled': false,
};

const TRUST_SETTINGS = {
  trusted: { 'security.workspace.trust.enabled': false },
  // Trust stays on and is never asked for: the folder opens in Restricted Mode.
  restricted: { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.banner': 'never' },
};

/** A definition with a remote $ref to a loopback port where nothing listens, and a workspace setting asking to fetch it. */
function addRemoteRefFixture(workspace) {
  mkdirSync(join(workspace, 'remote'), { recursive: true });
  mkdirSync(join(workspace, '.vscode'), { recursive: true });
  writeFileSync(join(workspace, '.vscode', 'settings.json'), JSON.stringify({ 'apigw.allowRemoteRefs': true }, null, 2));
  writeFileSync(
    join(workspace, 'remote', 'api.yaml'),
    [
      'openapi: 3.0.1',
      'info: {title: Remote refs, version: "1"}',
      'paths:',
      '  /pets:',
      '    get:',
      '      responses:',
      '        "200":',
      '          $ref: "http://127.0.0.1:9/responses.yaml#/Ok"',
      '      x-amazon-apigateway-integration: {type: mock, requestTemplates: {application/json: \'{"statusCode": 200}\'}}',
      '',
    ].join('\n'),
  );
}

export const BROKEN_TITLE = 'Broken Bookstore API';

/**
 * A copy of the bookstore example with one mistake API Gateway rejects at import: its first
 * Lambda integration is called with GET (Lambda needs POST).
 */
function addBrokenCopy(workspace) {
  const source = readFileSync(resolve('examples', 'rest', 'api.yaml'), 'utf8');
  const broken = source.replace('title: Bookstore API', `title: ${BROKEN_TITLE}`).replace(/httpMethod: POST(\s+uri: arn:aws:apigateway:[^:]+:lambda:)/, 'httpMethod: GET$1');
  if (broken === source) throw new Error('examples/rest/api.yaml changed: the broken copy needs a new mistake');
  mkdirSync(join(workspace, 'broken'), { recursive: true });
  writeFileSync(join(workspace, 'broken', 'api.yaml'), broken);
}

/**
 * Fresh folders for a run named `name` in `mode` ('trusted' or 'restricted'). TMPDIR is
 * short and per run: VS Code puts IPC sockets there, and socket paths have a length limit.
 */
export function prepareRun(name, mode) {
  const dir = join(E2E_ROOT, 'runs', name);
  rmSync(dir, { recursive: true, force: true });
  const userData = join(dir, 'user-data');
  const extensions = join(dir, 'extensions');
  const workspace = join(dir, 'workspace');
  mkdirSync(join(userData, 'User'), { recursive: true });
  mkdirSync(extensions, { recursive: true });
  writeFileSync(join(userData, 'User', 'settings.json'), JSON.stringify({ ...COMMON_SETTINGS, ...TRUST_SETTINGS[mode] }, null, 2));
  cpSync(resolve('examples'), join(workspace, 'examples'), { recursive: true });
  addBrokenCopy(workspace);
  if (mode === 'restricted') addRemoteRefFixture(workspace);
  const tmp = mkdtempSync(join(tmpdir(), 'apigw-'));
  return { dir, userData, extensions, workspace, tmp, results: join(dir, 'results.json'), mode };
}
