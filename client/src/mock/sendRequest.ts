import { CodeLens, commands, EventEmitter, languages, Range, Uri, ViewColumn, window, workspace, type CodeLensProvider, type Disposable, type TextDocument } from 'vscode';
import type { ApiTreeResource } from '../../../core/src/model/apiTree';
import type { ApiTreeStore } from '../tree/apiTreeStore';
import type { MockRunner } from './mockRunner';

const WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);

interface Operation {
  method: string;
  path: string;
  range: Range;
}

function operations(resource: ApiTreeResource): Operation[] {
  const own = resource.methods.map((m) => {
    const { start, end } = m.location.range;
    return { method: m.method, path: m.path, range: new Range(start.line, start.character, end.line, end.character) };
  });
  return [...own, ...resource.children.flatMap(operations)];
}

/** "Send request" over each operation of the definition the mock serves, while it runs. */
class SendRequestLenses implements CodeLensProvider {
  private readonly changed = new EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(
    private readonly store: ApiTreeStore,
    private readonly runner: MockRunner,
  ) {}

  refresh(): void {
    this.changed.fire();
  }

  provideCodeLenses(document: TextDocument): CodeLens[] {
    const running = this.runner.running;
    if (!running || Uri.file(running.file).toString() !== document.uri.toString()) return [];
    const api = this.store.get(document.uri.toString());
    if (!api) return [];
    return operations(api.tree.root).map(
      (op) => new CodeLens(op.range, { title: '$(play) Send request', tooltip: `${op.method} ${running.baseUrl}${op.path}`, command: 'apigw.sendRequest', arguments: [op.method, op.path] }),
    );
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** Fills each `{name}` of the path template; a greedy `{name+}` keeps the slashes typed. */
async function fillPath(template: string): Promise<string | undefined> {
  let filled = template;
  for (const match of template.matchAll(/\{([^}]+?)(\+?)\}/g)) {
    const [placeholder, name, greedy] = match;
    const value = await window.showInputBox({ title: `${template}: path parameter ${name}`, value: name, ignoreFocusOut: true });
    if (value === undefined) return undefined;
    filled = filled.replace(placeholder, greedy ? value.split('/').map(encodeURIComponent).join('/') : encodeURIComponent(value));
  }
  return filled;
}

async function askBody(method: string, path: string): Promise<string | undefined> {
  return window.showInputBox({
    title: `${method} ${path}: JSON body`,
    value: '{}',
    ignoreFocusOut: true,
    validateInput: (text) => {
      try {
        JSON.parse(text);
        return undefined;
      } catch (err) {
        return err instanceof Error ? err.message : String(err);
      }
    },
  });
}

function prettyBody(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

async function sendRequest(runner: MockRunner, method: string, template: string): Promise<void> {
  const running = runner.running;
  if (!running) {
    void window.showInformationMessage('Start the local mock first (API Gateway: Start Local Mock).');
    return;
  }
  // An ANY method answers every verb: the user picks the one to send.
  const verb = method === 'ANY' ? await window.showQuickPick(['GET', 'POST', 'PUT', 'PATCH', 'DELETE'], { title: `ANY ${template}: method to send` }) : method;
  if (verb === undefined) return;
  const path = await fillPath(template);
  if (path === undefined) return;
  const body = WITH_BODY.has(verb) ? await askBody(verb, template) : undefined;
  if (WITH_BODY.has(verb) && body === undefined) return;
  const url = `${running.baseUrl}${path}`;
  let text: string;
  try {
    const res = await fetch(url, { method: verb, body, headers: body === undefined ? undefined : { 'content-type': 'application/json' } });
    const headers = [...res.headers.entries()].map(([name, value]) => `${name}: ${value}`);
    text = [`${verb} ${url}`, '', `HTTP/1.1 ${res.status} ${res.statusText}`, ...headers, '', prettyBody(await res.text())].join('\n');
  } catch (err) {
    text = `${verb} ${url}\n\n${err instanceof Error ? (err.cause instanceof Error ? err.cause.message : err.message) : String(err)}`;
  }
  const document = await workspace.openTextDocument({ content: text, language: 'plaintext' });
  await window.showTextDocument(document, { viewColumn: ViewColumn.Beside, preserveFocus: true, preview: true });
}

export function registerSendRequest(store: ApiTreeStore, runner: MockRunner): Disposable[] {
  const lenses = new SendRequestLenses(store, runner);
  return [
    lenses,
    languages.registerCodeLensProvider([{ scheme: 'file', language: 'yaml' }, { scheme: 'file', language: 'json' }], lenses),
    runner.onDidChange(() => lenses.refresh()),
    store.onDidChange(() => lenses.refresh()),
    commands.registerCommand('apigw.sendRequest', (method: string, path: string) => sendRequest(runner, method, path)),
  ];
}
