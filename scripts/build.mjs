// Type-checks and compiles everything to out/ (what the tests run), then bundles the
// three entry points to dist/ (what users run and what the VSIX ships).
//   node scripts/build.mjs            clean out/, tsc, bundle
//   node scripts/build.mjs --bundle   bundle only (after an incremental `npx tsc -p .`)
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';

if (!process.argv.includes('--bundle')) {
  rmSync('out', { recursive: true, force: true });
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', '.'], { stdio: 'inherit' });
}

// Precompiled OpenAPI schema validators: ajv compiling them at start-up costs ~150 ms per process.
execFileSync(process.execPath, ['scripts/build-schemas.mjs'], { stdio: 'inherit' });

const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, minify: true, logLevel: 'warning' };
await Promise.all([
  build({ ...common, entryPoints: ['core/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }),
  build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js', banner: { js: '#!/usr/bin/env node' } }),
  // client.js is what VS Code loads to activate the extension, so what is not needed at once
  // stays out of it: the deploy flows (the AWS SDK would cost every activation ~60 ms) and
  // vscode-languageclient (~350 KB, loaded after activate() returns). The client's
  // `import('./deployFlows')` and `import('./languageClient')` become require() calls, which
  // find dist/deployFlows.js and dist/languageClient.js at run time (left as import(), they
  // would go through Node's ESM resolution, which wants the file extension written out).
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode', './deployFlows', './languageClient'], supported: { 'dynamic-import': false } }),
  build({ ...common, entryPoints: ['client/src/deploy/deployFlows.ts'], outfile: 'dist/deployFlows.js', external: ['vscode'] }),
  build({ ...common, entryPoints: ['client/src/languageClient.ts'], outfile: 'dist/languageClient.js', external: ['vscode'] }),
  // What the client forks: server.js run with a V8 code cache (client/src/serverLoader.ts).
  build({ ...common, entryPoints: ['client/src/serverLoader.ts'], outfile: 'dist/serverLoader.js' }),
  // The process each local Lambda handler runs in; the runner looks for it beside cli.js.
  build({ ...common, entryPoints: ['core/src/mock/lambda/childRunner.ts'], outfile: 'dist/lambdaChild.js' }),
]);
