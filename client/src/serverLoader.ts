/*
 * What the extension forks to run the language server (dist/serverLoader.js): dist/server.js
 * run with a V8 code cache kept in the extension's storage folder. Compiling the 1.1 MB
 * bundle is about half of loading it, and the server cannot answer `initialize` before it is
 * loaded; with the cache V8 takes the code it compiled at an earlier start instead.
 * (Node 20, which VS Code's extension host runs on, has no module.enableCompileCache.)
 *   node serverLoader.js <server.js> <cache file> <server arguments...>
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire, wrap } from 'node:module';
import * as path from 'node:path';
import { Script } from 'node:vm';

/** Late enough that the functions of a start (initialize, the first document) are compiled and go into the cache too. */
const WRITE_AFTER_MS = 5_000;

type ModuleFunction = (exports: object, require: NodeJS.Require, module: { exports: object }, filename: string, dirname: string) => void;

/**
 * The cache file is the source's SHA-256 and then V8's data. V8 checks the data against the
 * source's length only, so code cached for another server.js of the same length would run.
 */
function readCache(file: string, sourceHash: Buffer): Buffer | undefined {
  let data: Buffer;
  try {
    data = readFileSync(file);
  } catch {
    return undefined; // the first start, or the storage folder was cleared
  }
  return data.subarray(0, sourceHash.length).equals(sourceHash) ? data.subarray(sourceHash.length) : undefined;
}

/** Written beside and renamed, so a server starting meanwhile never reads half a file. */
function writeCache(file: string, sourceHash: Buffer, data: Buffer): void {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(`${file}.${process.pid}`, Buffer.concat([sourceHash, data]));
    renameSync(`${file}.${process.pid}`, file);
  } catch {
    // a read-only storage folder costs the next start the compilation, nothing else
  }
}

const [serverFile, cacheFile] = process.argv.splice(2, 2).map((arg) => path.resolve(arg));
// The server reads its own arguments (--stdio, --clientProcessId) from process.argv.
process.argv[1] = serverFile;
// The bundle starts with a #! line, which is no JavaScript inside the module wrapper.
const source = readFileSync(serverFile, 'utf8').replace(/^#!.*/, '');
const sourceHash = createHash('sha256').update(source).digest();
const cachedData = readCache(cacheFile, sourceHash);
const script = new Script(wrap(source), { filename: serverFile, cachedData });
const serverModule = { exports: {} };
(script.runInThisContext() as ModuleFunction).call(serverModule.exports, serverModule.exports, createRequire(serverFile), serverModule, serverFile, path.dirname(serverFile));
if (cachedData === undefined || script.cachedDataRejected) setTimeout(() => writeCache(cacheFile, sourceHash, script.createCachedData()), WRITE_AFTER_MS).unref();
