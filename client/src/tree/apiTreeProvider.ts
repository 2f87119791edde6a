import { MarkdownString, ThemeColor, ThemeIcon, TreeItem, TreeItemCollapsibleState, Uri, type Event, type ProviderResult, type TreeDataProvider } from 'vscode';
import type { IntegrationKind } from '../../../core/src/model/integrationSummary';
import type { ApiTreeStore } from './apiTreeStore';
import { problemDecorationUri, problemSummary } from './problemDecorations';
import { locationOf, type TreeNode } from './treeNodes';

/** Codicons for the integration kinds, so a glance tells Lambda from HTTP from mock. */
const INTEGRATION_ICONS: Readonly<Record<IntegrationKind, string>> = {
  lambda: 'symbol-function',
  http: 'globe',
  'vpc-link': 'plug',
  mock: 'beaker',
  'aws-service': 'server-process',
  none: 'circle-slash',
  other: 'question',
};

/** Context values the manifest's `view/item/context` menus match on (their groups: commands.ts). */
const CONTEXT = { api: 'apigw.api', resource: 'apigw.resource', impliedResource: 'apigw.impliedResource', method: 'apigw.method' } as const;

function icon(id: string, errors: number): ThemeIcon {
  return new ThemeIcon(id, errors > 0 ? new ThemeColor('list.errorForeground') : undefined);
}

export class ApiTreeProvider implements TreeDataProvider<TreeNode> {
  readonly onDidChangeTreeData: Event<void>;

  constructor(private readonly store: ApiTreeStore) {
    this.onDidChangeTreeData = store.onDidChange;
  }

  getChildren(node?: TreeNode): TreeNode[] {
    return node ? node.children : this.store.all;
  }

  getParent(node: TreeNode): ProviderResult<TreeNode> {
    return node.parent;
  }

  getTreeItem(node: TreeNode): TreeItem {
    const item = new TreeItem(this.label(node));
    item.id = node.id;
    const problems = node.type === 'api' ? node.tree.problems : node.type === 'resource' ? node.resource.problems : node.method.problems;
    // The decoration provider paints problem counts on items through this URI.
    item.resourceUri = problemDecorationUri(node.id, problems);
    const tooltip = new MarkdownString();
    switch (node.type) {
      case 'api':
        item.description = node.tree.description;
        item.iconPath = icon('cloud', problems.error);
        item.contextValue = CONTEXT.api;
        item.collapsibleState = TreeItemCollapsibleState.Collapsed;
        tooltip.appendMarkdown(`**${escape(node.tree.name)}**\n\n${escape(node.tree.description)}\n\n${escape(Uri.parse(node.tree.uri).fsPath)}`);
        break;
      case 'resource':
        item.iconPath = icon('symbol-folder', problems.error);
        item.contextValue = node.resource.location ? CONTEXT.resource : CONTEXT.impliedResource;
        // The root resource is the only child of its API: open it with the API.
        item.collapsibleState = node.parent.type === 'api' ? TreeItemCollapsibleState.Expanded : TreeItemCollapsibleState.Collapsed;
        if (node.children.length === 0) item.collapsibleState = TreeItemCollapsibleState.None;
        tooltip.appendMarkdown(`**${escape(node.resource.path)}**`);
        break;
      case 'method': {
        const { method } = node;
        item.description = method.description;
        item.iconPath = icon(INTEGRATION_ICONS[method.integration], problems.error);
        item.contextValue = CONTEXT.method;
        item.collapsibleState = TreeItemCollapsibleState.None;
        tooltip.appendMarkdown(`**${method.method} ${escape(method.path)}**\n\n`);
        for (const detail of method.details) tooltip.appendMarkdown(`- ${escape(detail.name)}: ${escape(detail.value)}\n`);
        break;
      }
    }
    const summary = problemSummary(problems);
    if (summary) tooltip.appendMarkdown(`\n\n${summary}`);
    item.tooltip = tooltip;
    if (locationOf(node)) item.command = { command: 'apigw.revealDefinition', title: 'Reveal Definition', arguments: [node] };
    return item;
  }

  private label(node: TreeNode): string {
    switch (node.type) {
      case 'api':
        return node.tree.name;
      case 'resource':
        return node.parent.type === 'api' ? node.resource.path : `/${node.resource.segment}`;
      case 'method':
        return node.method.method;
    }
  }
}

function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}
