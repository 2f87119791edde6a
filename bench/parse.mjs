// Times reading API definitions into trees: this project's reader (the compiled out/ code:
// the fast path for YAML, the range-keeping reader for JSON) against the `yaml` package's
// parseDocument and JSON.parse, plus the yaml Lexer alone, which bounds the YAML fast path.
// Median of 5 runs per input, each input in a fresh child process.
//
//   npx tsc -p . && node bench/parse.mjs
//
// Inputs: specs generated with ../shared/bench/gen-apigw-spec.mjs (1000 paths, YAML and
// JSON) and the large corpus files in ../shared/corpus/large; each is skipped when absent.

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = path.resolve(root, '..', 'shared');
const documentDir = path.join(root, 'out', 'core', 'src', 'document');
if (!existsSync(path.join(documentDir, 'parse.js'))) {
  console.error('out/ is missing: run `npx tsc -p .` first');
  process.exit(1);
}
const { detectFormat, parseText } = require(path.join(documentDir, 'parse.js'));
const { readYamlFast } = require(path.join(documentDir, 'yamlFastReader.js'));
const { LineIndex } = require(path.join(documentDir, 'lineIndex.js'));
const { Lexer, parseDocument } = require('yaml');

const RUNS = 5;

/** The inputs, by name; each is produced only when measured. Absent ones are left out. */
function inputs() {
  const list = [];
  const generator = path.join(shared, 'bench', 'gen-apigw-spec.mjs');
  if (existsSync(generator)) {
    for (const format of ['yaml', 'json']) {
      list.push({
        name: `generated --paths 1000 (${format})`,
        read: () =>
          execFileSync(process.execPath, [generator, '--paths', '1000', '--format', format], {
            encoding: 'utf8',
            maxBuffer: 256 * 1024 * 1024,
          }),
      });
    }
  } else {
    console.error(`skipped the generated specs: ${generator} not present`);
  }
  for (const name of ['stripe-spec3.yaml', 'github-api.github.com.yaml', 'github-api.github.com.json']) {
    const file = path.join(shared, 'corpus', 'large', name);
    if (existsSync(file)) list.push({ name, read: () => readFileSync(file, 'utf8') });
    else console.error(`skipped ${name}: not present`);
  }
  return list;
}

function median(run) {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[RUNS >> 1];
}

const ms = (value) => (value === undefined ? '–' : `${Math.round(value)} ms`);

/** Measures one input and returns its table row. */
function measure({ name, read }) {
  const text = read();
  const format = detectFormat(text);
  let reader = 'JSON reader';
  if (format === 'yaml') {
    reader = readYamlFast(text, new LineIndex(text)) === undefined ? 'yaml library (fast path gave up)' : 'fast path';
  }
  const ours = median(() => parseText(text));
  const lexer = format === 'yaml'
    ? median(() => {
        let length = 0;
        for (const token of new Lexer().lex(text)) length += token.length;
        return length;
      })
    : undefined;
  const library = median(() => parseDocument(text, { uniqueKeys: false }));
  const json = format === 'json' ? median(() => JSON.parse(text)) : undefined;
  return `| ${name} | ${(Buffer.byteLength(text) / 1e6).toFixed(1)} MB | ${reader} | ${ms(ours)} | ${ms(lexer)} | ${ms(library)} | ${ms(json)} |`;
}

const one = process.argv.indexOf('--input');
if (one !== -1) {
  // A child measuring one input: a fresh heap, so earlier inputs' garbage does not bill this one.
  console.log(measure(inputs()[Number(process.argv[one + 1])]));
} else {
  const list = inputs();
  console.log(`node ${process.version}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), median of ${RUNS} runs in one process per input`);
  console.log('');
  console.log('| input | size | our reader | parseText | yaml Lexer only | yaml.parseDocument | JSON.parse |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (let i = 0; i < list.length; i++) {
    const row = execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--input', String(i)], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    console.log(row.trim());
  }
}
