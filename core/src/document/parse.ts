import { aliasExpansionProblem } from './aliasExpansion';
import { readJson } from './jsonReader';
import { LineIndex } from './lineIndex';
import { flowDepthExcess, MAX_FLOW_DEPTH } from './nestingDepth';
import { refusalOf } from './readLimits';
import type { ReadTree } from './nodes';
import { SYNTAX_CODE } from './problemCodes';
import type { DocumentFormat, ParseProblem, ValueNode } from './types';
import { readYamlFast } from './yamlFastReader';
import { readYamlWithLibrary } from './yamlLibraryReader';

/** A text read into a tree: what every feature works from, one per document version. */
export interface ParsedText {
  readonly text: string;
  readonly format: DocumentFormat;
  /** Undefined when the text holds no value at all (empty, only comments, or unreadable). */
  readonly root: ValueNode | undefined;
  readonly problems: readonly ParseProblem[];
  readonly lines: LineIndex;
  /** Some nodes of the tree are shared by YAML aliases, so an edit at one place shows at others. */
  readonly aliases: boolean;
}

export interface ParseOptions {
  /** The line index of `text`, where the caller keeps one (an editor's open document). */
  lines?: LineIndex;
  /** Read YAML (and JSON) with the `yaml` package's full parser only; for tests and comparisons. */
  forceSlowPath?: boolean;
  /** A text of more UTF-8 bytes is not read: its only problem says so. */
  maxBytes?: number;
}

/** JSON when the text starts (after whitespace) with `{` or `[`, YAML otherwise. */
export function detectFormat(text: string): DocumentFormat {
  const first = /[^\s\uFEFF]/.exec(text.length > 4096 ? text.slice(0, 4096) : text);
  return first !== null && (first[0] === '{' || first[0] === '[') ? 'json' : 'yaml';
}

/**
 * Reads `text` into a tree with exact source ranges. Never throws on bad input: syntax
 * errors become problems and the tree holds what could be read.
 */
export function parseText(
  text: string,
  format: DocumentFormat = detectFormat(text),
  options: ParseOptions = {},
): ParsedText {
  const lines = options.lines ?? new LineIndex(text);
  // Too large or binary: reading would cost gigabytes, or give a syntax error on every line.
  const refusal = refusalOf(text, options.maxBytes);
  if (refusal) return { text, format, root: undefined, problems: [refusal], lines, aliases: false };
  let tree: ReadTree;
  try {
    tree = readTree(text, format, lines, options.forceSlowPath === true);
  } catch (error) {
    // Every reader recurses once per nesting level; only a hostile text nests this deep.
    if (!(error instanceof RangeError)) throw error;
    const problem: ParseProblem = {
      code: SYNTAX_CODE,
      message: 'The document is nested too deeply to be read.',
      offset: 0,
      length: 0,
      severity: 'error',
    };
    tree = { root: undefined, problems: [problem] };
  }
  // Only aliases can make the tree larger than the text; counting is skipped without them.
  const expansion = tree.aliases ? aliasExpansionProblem(tree.root) : undefined;
  const problems = expansion ? [...tree.problems, expansion].sort((a, b) => a.offset - b.offset) : tree.problems;
  return { text, format, root: tree.root, problems, lines, aliases: tree.aliases === true };
}

function readTree(text: string, format: DocumentFormat, lines: LineIndex, slowOnly: boolean): ReadTree {
  if (format === 'json') return slowOnly ? readYamlWithLibrary(text, lines) : readJson(text, lines);
  const fast = slowOnly ? undefined : readYamlFast(text, lines);
  if (fast) return fast;
  // The library spends seconds before overflowing on hostile nesting. Scanning for it costs
  // a tenth of a fast read, so it is done only where the slow path is taken anyway.
  const tooDeep = flowDepthExcess(text);
  if (tooDeep === -1) return readYamlWithLibrary(text, lines);
  const message = `Brackets nest more than ${MAX_FLOW_DEPTH} levels deep here, so the document is not read. No API definition nests this deep: close the brackets, or write the value flatter.`;
  return { root: undefined, problems: [{ code: SYNTAX_CODE, message, offset: tooDeep, length: 1, severity: 'error' }] };
}
