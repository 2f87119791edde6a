import type { AnyNode, KeyNode, StringNode, ValueNode } from './types';
import type { LineIndex } from './lineIndex';
import { parseText, type ParsedText } from './parse';
import { DEFAULT_MAX_FILE_BYTES } from './readLimits';
import { getProperty, nodeAtPointer } from './pointer';

/** One file of an API definition: the entry document or a file reached through `$ref`. */
export interface LoadedFile {
  readonly uri: string;
  readonly parsed: ParsedText;
}

/** Reads a file by URI; `undefined` when it does not exist or cannot be read. */
export type ReadFile = (uri: string) => Promise<string | undefined>;

export interface LoadOptions {
  /** The line index of the entry text, where the caller keeps one (an editor's open document). */
  entryLines?: LineIndex;
  /** Follow `$ref`s to http(s) URLs (the reader must be able to fetch them). */
  allowRemoteRefs?: boolean;
  /** Upper bound on files pulled in through `$ref`, so a runaway chain cannot load a whole disk. */
  maxFiles?: number;
  /** Files of more bytes are not read (DEFAULT_MAX_FILE_BYTES when undefined). */
  maxFileBytes?: number;
}

export type RefTarget = { file: LoadedFile; node: ValueNode };
export type RefProblem = { code: 'apigw.ref.unresolved' | 'apigw.ref.remote-not-fetched'; message: string };

export function isRemote(uri: string): boolean {
  return /^https?:/i.test(uri);
}

/** `uri` without its fragment, and the fragment as a JSON pointer ('' for the whole file). */
function splitRef(ref: string, base: string): { fileUri: string; pointer: string } | undefined {
  const hash = ref.indexOf('#');
  const filePart = hash < 0 ? ref : ref.slice(0, hash);
  let pointer = hash < 0 ? '' : ref.slice(hash + 1);
  try {
    pointer = decodeURIComponent(pointer);
  } catch {
    return undefined;
  }
  if (filePart === '') return { fileUri: base, pointer };
  try {
    const url = new URL(filePart, base);
    url.hash = '';
    return { fileUri: url.toString(), pointer };
  } catch {
    return undefined;
  }
}

/**
 * The entry document and every file it reaches through `$ref`, parsed once each.
 * Loading is async (files are read); resolving afterwards is synchronous, so rules and
 * language features stay plain functions.
 */
export class DocumentSet {
  private readonly byUri = new Map<string, LoadedFile>();
  private readonly byRoot = new Map<ValueNode, LoadedFile>();
  /** Files that a `$ref` named but that could not be read, with the reason. */
  private readonly missing = new Map<string, string>();
  /**
   * Resolutions by file URI, then by reference: a definition repeats the same few references
   * thousands of times. Two levels rather than one key joined from both: the reference
   * strings are the tree's own, whose hash is computed once, where a joined key is a new
   * string to copy and hash on every lookup (2-4 µs each, 8,000 of them on a large definition).
   */
  private readonly resolved = new Map<string, Map<string, RefTarget | RefProblem>>();
  /** The `$ref`s of each file, found once: loading walks the tree for them, the rules and the next edit read them again. */
  private readonly refLists = new Map<LoadedFile, StringNode[]>();

  constructor(readonly entry: LoadedFile) {
    this.add(entry);
  }

  get files(): readonly LoadedFile[] {
    return [...this.byUri.values()];
  }

  file(uri: string): LoadedFile | undefined {
    return this.byUri.get(uri);
  }

  add(file: LoadedFile): void {
    this.resolved.clear();
    this.byUri.set(file.uri, file);
    if (file.parsed.root) this.byRoot.set(file.parsed.root, file);
  }

  markMissing(uri: string, reason: string): void {
    this.resolved.clear();
    this.missing.set(uri, reason);
  }

  /** Whether every file a `$ref` named was read; when not, reading again may find more. */
  get complete(): boolean {
    return this.missing.size === 0;
  }

  /** The file a node belongs to (walks up to the root; nodes never move between files). */
  fileOf(node: AnyNode | KeyNode): LoadedFile {
    // One file: every node is the entry's (the walk up would end there, or nowhere, which
    // also means the entry); the rules and deref ask this for thousands of nodes.
    if (this.byUri.size === 1) return this.entry;
    let n: AnyNode | KeyNode = node;
    for (;;) {
      const up: AnyNode | undefined = n.parent;
      if (!up) break;
      n = up;
    }
    return this.byRoot.get(n as ValueNode) ?? this.entry;
  }

  /** Every `$ref` string in a file of the set, in document order (see collectRefs). */
  refsIn(file: LoadedFile): StringNode[] {
    let refs = this.refLists.get(file);
    if (refs === undefined) {
      refs = collectRefs(file.parsed.root);
      this.refLists.set(file, refs);
    }
    return refs;
  }

  /** Resolves the `$ref` string `ref` written in `from`. */
  resolve(from: LoadedFile, ref: string): RefTarget | RefProblem {
    let byRef = this.resolved.get(from.uri);
    if (byRef === undefined) {
      byRef = new Map();
      this.resolved.set(from.uri, byRef);
    }
    let result = byRef.get(ref);
    if (result === undefined) {
      result = this.resolveUncached(from, ref);
      byRef.set(ref, result);
    }
    return result;
  }

  private resolveUncached(from: LoadedFile, ref: string): RefTarget | RefProblem {
    const parts = splitRef(ref, from.uri);
    if (!parts) return { code: 'apigw.ref.unresolved', message: `'${ref}' is not a valid reference.` };
    const file = this.byUri.get(parts.fileUri);
    if (!file) {
      if (isRemote(parts.fileUri) && !this.missing.has(parts.fileUri)) {
        return {
          code: 'apigw.ref.remote-not-fetched',
          message: `'${ref}' points to a remote URL, which is not fetched. Enable the setting apigw.allowRemoteRefs (CLI: --allow-remote-refs) to follow it, or copy the target into the workspace.`,
        };
      }
      const why = this.missing.get(parts.fileUri) ?? 'it was not loaded';
      return { code: 'apigw.ref.unresolved', message: `Cannot resolve '${ref}': ${why}.` };
    }
    if (parts.pointer !== '' && !parts.pointer.startsWith('/')) {
      return { code: 'apigw.ref.unresolved', message: `'${ref}' has a fragment that is not a JSON pointer (it must start with '#/').` };
    }
    const node = nodeAtPointer(file.parsed.root, parts.pointer);
    if (!node) {
      const where = file === from ? 'this document' : file.uri.split('/').pop();
      return { code: 'apigw.ref.unresolved', message: `'${ref}' does not exist: ${where} has nothing at '${parts.pointer || '/'}'.` };
    }
    return { file, node };
  }

  /**
   * Follows `$ref` objects until a real node: what a reader of the API sees at this place.
   * Cycles and broken links end the walk at the last node reached (the broken `$ref` is a
   * diagnostic of its own, reported where it is written).
   */
  deref(node: ValueNode): RefTarget {
    let file = this.fileOf(node);
    let current = node;
    // Made at the first `$ref` only: most nodes asked about are not references.
    let seen: Set<ValueNode> | undefined;
    for (;;) {
      const ref = refOf(current);
      if (!ref || seen?.has(current)) return { file, node: current };
      seen ??= new Set();
      seen.add(current);
      const target = this.resolve(file, ref.value);
      if (!('node' in target)) return { file, node: current };
      file = target.file;
      current = target.node;
    }
  }
}

/** The `$ref` string of a Reference object, if the node is one. */
export function refOf(node: ValueNode | undefined): StringNode | undefined {
  if (!node || node.kind !== 'object') return undefined;
  const p = getProperty(node, '$ref');
  return p?.valueNode?.kind === 'string' ? p.valueNode : undefined;
}

/**
 * Every `$ref` string in a tree, in document order. A node that aliases share is walked
 * once, where it is anchored (its parent), which keeps alias bombs linear; a tree is walked
 * from its root, where every anchor is.
 */
export function collectRefs(root: ValueNode | undefined): StringNode[] {
  const out: StringNode[] = [];
  const walk = (node: ValueNode): void => {
    if (node.kind === 'object') {
      for (const p of node.properties) {
        const value = p.valueNode;
        if (!value) continue;
        if (p.keyNode.value === '$ref' && value.kind === 'string') out.push(value);
        else if (value.parent === p) walk(value);
      }
    } else if (node.kind === 'array') {
      for (const item of node.items) if (item.parent === node) walk(item);
    }
  };
  if (root) walk(root);
  return out;
}

/** Whether a local `$ref` names `paths`, something in it, or the whole document. */
export function pointsIntoPaths(ref: string): boolean {
  if (!ref.startsWith('#')) return false;
  let pointer = ref.slice(1);
  // Only an escape needs decoding, and most references have none (a definition has thousands).
  if (pointer.includes('%')) {
    try {
      pointer = decodeURIComponent(pointer);
    } catch {
      return false;
    }
  }
  return pointer === '' || pointer === '/paths' || pointer.startsWith('/paths/');
}

/** Parses the entry text and loads, breadth first, every file its `$ref`s reach. */
export async function loadDocumentSet(uri: string, text: string, read: ReadFile, options: LoadOptions = {}): Promise<DocumentSet> {
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const set = new DocumentSet({ uri, parsed: parseText(text, formatOf(uri), { lines: options.entryLines, maxBytes }) });
  const maxFiles = options.maxFiles ?? 200;
  const queue: LoadedFile[] = [set.entry];
  const attempted = new Set<string>([uri]);
  while (queue.length > 0) {
    const file = queue.shift() as LoadedFile;
    for (const ref of set.refsIn(file)) {
      const parts = splitRef(ref.value, file.uri);
      if (!parts || attempted.has(parts.fileUri)) continue;
      attempted.add(parts.fileUri);
      if (isRemote(parts.fileUri) && !options.allowRemoteRefs) continue;
      if (attempted.size > maxFiles) {
        set.markMissing(parts.fileUri, `more than ${maxFiles} files are referenced; the rest are not read`);
        continue;
      }
      let content: string | undefined;
      try {
        content = await read(parts.fileUri);
      } catch (err) {
        set.markMissing(parts.fileUri, `it could not be read (${err instanceof Error ? err.message : String(err)})`);
        continue;
      }
      if (content === undefined) {
        set.markMissing(parts.fileUri, `the file ${parts.fileUri.split('/').pop()} does not exist`);
        continue;
      }
      const loaded: LoadedFile = { uri: parts.fileUri, parsed: parseText(content, formatOf(parts.fileUri), { maxBytes }) };
      set.add(loaded);
      queue.push(loaded);
    }
  }
  return set;
}

/** JSON by extension, otherwise let the parser sniff (YAML is a superset of JSON anyway). */
export function formatOf(uri: string): 'json' | 'yaml' | undefined {
  const path = uri.replace(/[?#].*$/, '').toLowerCase();
  if (path.endsWith('.json')) return 'json';
  if (path.endsWith('.yaml') || path.endsWith('.yml')) return 'yaml';
  return undefined;
}

