import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../client/src/extensionApi';
import type { ApiNode, MethodNode, ResourceNode, TreeNode } from '../../../client/src/tree/treeNodes';
import { BROKEN_TITLE, extensionApi, waitFor, workspaceUri } from './workspace';

function find(nodes: readonly TreeNode[], test: (n: TreeNode) => boolean): TreeNode | undefined {
  for (const node of nodes) {
    if (test(node)) return node;
    const below = find(node.children, test);
    if (below) return below;
  }
  return undefined;
}

function methodNode(api: ApiNode, path: string, verb: string): MethodNode {
  const node = find([api], (n) => n.type === 'method' && n.method.path === path && n.method.method === verb);
  assert.ok(node?.type === 'method', `${verb} ${path} is in the tree`);
  return node;
}

/** The tree as the view renders it: labels from getTreeItem, children from getChildren. */
function rendered(api: ExtensionApi, node: TreeNode, depth = 0): string[] {
  const item = api.provider.getTreeItem(node);
  const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
  const line = `${'  '.repeat(depth)}${label}${item.description ? ` — ${String(item.description)}` : ''}`;
  return [line, ...api.provider.getChildren(node).flatMap((child) => rendered(api, child, depth + 1))];
}

function apiNamed(api: ExtensionApi, name: string): ApiNode | undefined {
  return api.provider.getChildren().find((n): n is ApiNode => n.type === 'api' && n.tree.name === name);
}

describe('API Gateway tree view', () => {
  let api: ExtensionApi;

  before(async () => {
    api = await extensionApi();
  });

  it('lists every API definition of the workspace', async () => {
    await waitFor('the three APIs', async () => {
      await api.store.whenIdle();
      return api.provider.getChildren().length === 3 ? true : undefined;
    });
    const names = api.provider.getChildren().map((n) => (n.type === 'api' ? n.tree.name : n.id));
    assert.deepEqual(names, ['Bookstore API', 'Bookstore Checkout API', BROKEN_TITLE]);
  });

  it('shows resources by path segment and methods with integration, authorizer and API key', async () => {
    const bookstore = apiNamed(api, 'Bookstore API');
    assert.ok(bookstore);
    const lines = rendered(api, bookstore);
    assert.equal(lines[0], 'Bookstore API — REST API · OpenAPI 3.0.1');
    const expected = ['  /', '    /health', '      GET — Mock', '    /books', '      GET — Lambda proxy · API key', '      /{id}', '        /reviews', '    /{proxy+}', '      ANY — Lambda proxy'];
    for (const line of expected) assert.ok(lines.includes(line), `"${line}" in\n${lines.join('\n')}`);
    const admin = methodNode(bookstore, '/admin/reports/{reportId}', 'GET');
    assert.match(String(api.provider.getTreeItem(admin).description), /Lambda authorizer \(token\)/);
    const icon = api.provider.getTreeItem(methodNode(bookstore, '/health', 'GET')).iconPath;
    assert.ok(icon instanceof vscode.ThemeIcon && icon.id === 'beaker', 'mock integrations have their own icon');
    const checkout = apiNamed(api, 'Bookstore Checkout API');
    assert.ok(checkout);
    assert.equal(rendered(api, checkout)[0], 'Bookstore Checkout API — HTTP API · OpenAPI 3.0.1');
  });

  it('shows problem counts on the broken method, its resources and its API', async () => {
    const broken = apiNamed(api, BROKEN_TITLE);
    assert.ok(broken);
    const get = methodNode(broken, '/books', 'GET');
    assert.ok(get.method.problems.error >= 1);
    assert.ok((get.parent as ResourceNode).resource.problems.error >= 1);
    assert.ok(broken.tree.problems.error >= 1);
    const item = api.provider.getTreeItem(get);
    assert.ok(item.resourceUri, 'decorated through a resource URI');
    assert.match(String((item.tooltip as vscode.MarkdownString).value), /1 error/);
    assert.equal(apiNamed(api, 'Bookstore API')?.tree.problems.error, 0);
  });

  it('reveals a method in the editor', async () => {
    const bookstore = apiNamed(api, 'Bookstore API');
    assert.ok(bookstore);
    const del = methodNode(bookstore, '/books/{id}', 'DELETE');
    await vscode.commands.executeCommand('apigw.revealDefinition', del);
    const editor = await waitFor('the editor on the example', () => (vscode.window.activeTextEditor?.document.uri.toString() === bookstore.tree.uri ? vscode.window.activeTextEditor : undefined));
    assert.equal(editor.selection.active.line, del.method.location.range.start.line);
    assert.equal(editor.document.getText(editor.selection), 'delete');
  });

  it('follows the cursor: the method under it is selected in the view', async () => {
    await vscode.commands.executeCommand('apigw.apiTree.focus');
    const bookstore = apiNamed(api, 'Bookstore API');
    assert.ok(bookstore);
    const target = methodNode(bookstore, '/orders', 'POST');
    const editor = await vscode.window.showTextDocument(vscode.Uri.parse(bookstore.tree.uri));
    const inside = new vscode.Position(target.method.location.range.start.line + 2, 8);
    editor.selection = new vscode.Selection(inside, inside);
    await waitFor('the view to select POST /orders', () => (api.view.selection[0]?.id === target.id ? true : undefined));
  });

  it('follows edits without a manual refresh', async () => {
    const uri = workspaceUri('examples', 'http', 'api.yaml');
    const editor = await vscode.window.showTextDocument(uri);
    const text = editor.document.getText();
    const at = editor.document.positionAt(text.indexOf('  /carts:'));
    assert.ok(await editor.edit((e) => e.insert(at, '  /ping:\n    get:\n      responses: {"200": {description: ok}}\n      x-amazon-apigateway-integration: {type: http_proxy, httpMethod: GET, uri: "https://example.com/ping", payloadFormatVersion: "1.0"}\n')));
    await waitFor('GET /ping in the tree', () => {
      const checkout = apiNamed(api, 'Bookstore Checkout API');
      return checkout && find([checkout], (n) => n.type === 'method' && n.method.path === '/ping') ? true : undefined;
    });
    await vscode.commands.executeCommand('undo');
    await waitFor('GET /ping to leave the tree', () => {
      const checkout = apiNamed(api, 'Bookstore Checkout API');
      return checkout && !find([checkout], (n) => n.type === 'method' && n.method.path === '/ping') ? true : undefined;
    });
  });

  it('copies a method\'s local mock URL from the settings', async () => {
    const bookstore = apiNamed(api, 'Bookstore API');
    assert.ok(bookstore);
    await vscode.commands.executeCommand('apigw.copyMockUrl', methodNode(bookstore, '/books/{id}', 'GET'));
    assert.equal(await vscode.env.clipboard.readText(), 'http://127.0.0.1:3000/dev/books/{id}');
    await vscode.commands.executeCommand('apigw.copyPath', methodNode(bookstore, '/books/{id}/reviews', 'GET'));
    assert.equal(await vscode.env.clipboard.readText(), '/books/{id}/reviews');
  });
});
