import { promises as fs } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CancellationToken, Connection } from 'vscode-languageserver/node';
import { globToRegExp } from '../../core/src/glob';
import { lintText, looksLikeOpenApi, type LintResult } from '../../core/src/lint';
import { buildApiTree, type ApiTree } from '../../core/src/model/apiTree';
import { API_TREE_REQUEST, type ApiTreeParams, type ApiTreeResult } from './apiTreeProtocol';
import type { Settings } from './settings';

export interface ApiTreeHost {
  /** The scheduler's checked analysis of an open document (the buffer, not the disk), diagnostics included. */
  analysis(uri: string): Promise<LintResult | undefined>;
  openText(uri: string): string | undefined;
  settings(): Promise<Settings>;
  /** A file a `$ref` of the definition `entryUri` names, read as the checks read it (workspace, size, regular files). */
  readReferenced(uri: string, entryUri: string): Promise<string | undefined>;
}

/** Files larger than this are not read for the tree; the diagnostics path reports them. */
const MAX_FILE_BYTES = 16 * 1024 * 1024;

interface ClosedEntry {
  /** `mtime:size` of every file the tree was built from. */
  stamps: Map<string, string>;
  tree: ApiTree;
}

async function stampOf(uri: string): Promise<string | undefined> {
  if (!uri.startsWith('file:')) return undefined;
  try {
    const stat = await fs.stat(fileURLToPath(uri));
    return `${stat.mtimeMs}:${stat.size}`;
  } catch {
    return undefined;
  }
}

/**
 * Answers `apigw/apiTree`. Open documents come from the diagnostics scheduler's analysis, so
 * the tree and the squiggles describe the same version; closed files are read from disk and
 * their trees kept until one of their files changes on disk.
 */
export function registerApiTreeRequest(connection: Connection, host: ApiTreeHost): void {
  const closed = new Map<string, ClosedEntry>();

  const read = async (uri: string): Promise<string | undefined> => {
    const open = host.openText(uri);
    if (open !== undefined) return open;
    if (!uri.startsWith('file:')) return undefined;
    try {
      const file = fileURLToPath(uri);
      const stat = await fs.stat(file);
      // A device or a pipe would be read for ever.
      if (!stat.isFile() || stat.size > MAX_FILE_BYTES) return undefined;
      return await fs.readFile(file, 'utf8');
    } catch {
      return undefined;
    }
  };

  async function fresh(entry: ClosedEntry): Promise<boolean> {
    for (const [uri, stamp] of entry.stamps) {
      if (host.openText(uri) !== undefined || (await stampOf(uri)) !== stamp) return false;
    }
    return true;
  }

  async function closedTree(uri: string, settings: Settings, globs: RegExp[]): Promise<ApiTree | undefined> {
    const cached = closed.get(uri);
    if (cached && (await fresh(cached))) return cached.tree;
    closed.delete(uri);
    const stamp = await stampOf(uri);
    const text = await read(uri);
    if (stamp === undefined || text === undefined) return undefined;
    const path = fileURLToPath(uri).split('\\').join('/');
    if (!looksLikeOpenApi(text) && !globs.some((g) => g.test(path))) return undefined;
    const result = await lintText(uri, text, (target) => host.readReferenced(target, uri), {
      apiKind: settings.apiKind,
      allowRemoteRefs: settings.allowRemoteRefs,
      maxFileBytes: settings.maxFileSizeMB * 1024 * 1024,
    });
    const tree = buildApiTree(result.set, result.model, result.diagnostics);
    const stamps = new Map([[uri, stamp]]);
    for (const file of tree.files.slice(1)) {
      const s = await stampOf(file);
      if (s !== undefined) stamps.set(file, s);
    }
    closed.set(uri, { stamps, tree });
    return tree;
  }

  async function treeOf(uri: string, settings: Settings, globs: RegExp[]): Promise<ApiTree | undefined> {
    if (host.openText(uri) === undefined) return closedTree(uri, settings, globs);
    const result = await host.analysis(uri);
    // An open file that is only `$ref`'d by a definition gets that definition's analysis: not its own tree.
    if (!result || result.set.entry.uri !== uri) return undefined;
    return buildApiTree(result.set, result.model, result.diagnostics);
  }

  connection.onRequest(API_TREE_REQUEST, async (params: ApiTreeParams, token: CancellationToken): Promise<ApiTreeResult> => {
    const settings = await host.settings();
    const globs = settings.files.map(globToRegExp);
    const trees: ApiTree[] = [];
    for (const uri of Array.isArray(params?.uris) ? params.uris : []) {
      if (token.isCancellationRequested) break;
      if (typeof uri !== 'string') continue;
      try {
        const tree = await treeOf(uri, settings, globs);
        if (tree) trees.push(tree);
      } catch (err) {
        connection.console.error(`apigw: building the tree of ${uri} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      }
    }
    return { trees };
  });
}
