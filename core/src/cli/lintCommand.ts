import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEFAULT_MAX_FILE_BYTES } from '../document/readLimits';
import { lintText, looksLikeOpenApi } from '../lint';
import type { KindOverride } from '../model/apiModel';
import { displayPath, formatJson, formatSarif, formatText, type FileReport } from './formatters';
import { expandTargets, lintReadLimit, makeReader, readLocalFile } from './files';
import { apiKindValue, UsageError, walkArgs } from './args';
import { version } from '../../../package.json';

export const LINT_USAGE = `Usage: apigw lint [options] <file|dir|glob>...

Checks OpenAPI definitions for API Gateway: every x-amazon-apigateway-* extension,
integrations, authorizers, mappings, paths and $refs.

Options:
  --format text|json|sarif   output format (default: text)
  --api-kind auto|rest|http  which API Gateway flavour the files target (default: auto)
  --allow-remote-refs        follow $refs to http(s) URLs
  --max-file-size <MB>       files larger than this are not checked (default: 32)
  -h, --help                 show this help

Exit status: 0 no errors, 1 errors found, 2 usage or file error.
`;

interface LintArgs {
  format: 'text' | 'json' | 'sarif';
  apiKind: KindOverride;
  allowRemoteRefs: boolean;
  maxFileBytes: number;
  inputs: string[];
}

function parseLintArgs(argv: readonly string[]): LintArgs {
  const args: LintArgs = { format: 'text', apiKind: 'auto', allowRemoteRefs: false, maxFileBytes: DEFAULT_MAX_FILE_BYTES, inputs: [] };
  walkArgs(
    argv,
    (r) => {
      if (r.flag === '--format') {
        const v = r.value();
        if (v !== 'text' && v !== 'json' && v !== 'sarif') throw new UsageError(`--format must be text, json or sarif, not '${v}'`);
        args.format = v;
      } else if (r.flag === '--api-kind') args.apiKind = apiKindValue(r);
      else if (r.flag === '--allow-remote-refs') args.allowRemoteRefs = true;
      else if (r.flag === '--max-file-size') {
        const v = r.value();
        const mb = Number(v);
        if (!(mb > 0)) throw new UsageError(`--max-file-size must be a number of MB above 0, not '${v}'`);
        args.maxFileBytes = mb * 1024 * 1024;
      }
      else return false;
      return true;
    },
    (a) => args.inputs.push(a),
  );
  if (args.inputs.length === 0) throw new UsageError('no file, directory or glob given');
  return args;
}

/** `apigw lint`: exit status 0 (clean or warnings only), 1 (errors) or 2 (usage or I/O failure). */
export async function lintCommand(argv: readonly string[]): Promise<number> {
  const args = parseLintArgs(argv);
  const { targets, missing } = await expandTargets(args.inputs);
  let ioFailure = missing.length > 0;
  for (const m of missing) process.stderr.write(`apigw: ${m}: no such file or directory (or nothing matches the glob)\n`);
  // Files between the check's limit and this one are read, to be reported as too large.
  const limit = lintReadLimit(args.maxFileBytes);
  const read = makeReader(args.allowRemoteRefs, limit);
  const reports: FileReport[] = [];
  for (const target of targets) {
    let text: string;
    try {
      text = await readLocalFile(target.display, limit);
    } catch (err) {
      process.stderr.write(`apigw: ${target.display}: cannot read: ${err instanceof Error ? err.message : String(err)}\n`);
      ioFailure = true;
      continue;
    }
    if (!target.explicit && !looksLikeOpenApi(text)) continue;
    const uri = pathToFileURL(path.resolve(target.display)).toString();
    const result = await lintText(uri, text, read, { apiKind: args.apiKind, allowRemoteRefs: args.allowRemoteRefs, maxFileBytes: args.maxFileBytes });
    const byFile = new Map<string, FileReport>();
    const reportFor = (fileUri: string) => {
      let r = byFile.get(fileUri);
      if (!r) {
        r = { file: fileUri === uri ? target.display : displayPath(fileUri), diagnostics: [] };
        byFile.set(fileUri, r);
      }
      return r;
    };
    reportFor(uri);
    for (const d of result.diagnostics) reportFor(d.uri).diagnostics.push(d);
    for (const r of byFile.values()) {
      // A file referenced by several entry documents is reported once.
      if (!reports.some((x) => x.file === r.file)) reports.push(r);
    }
  }
  const out = args.format === 'json' ? formatJson(reports) : args.format === 'sarif' ? formatSarif(reports, version) : formatText(reports);
  process.stdout.write(out);
  if (ioFailure) return 2;
  return reports.some((r) => r.diagnostics.some((d) => d.severity === 'error')) ? 1 : 0;
}
