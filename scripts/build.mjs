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
  // The deploy flows stay out of client.js (the AWS SDK would cost every activation ~60 ms):
  // the client's `import('./deployFlows')` resolves to dist/deployFlows.js at run time.
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode', './deployFlows'] }),
  build({ ...common, entryPoints: ['client/src/deploy/deployFlows.ts'], outfile: 'dist/deployFlows.js', external: ['vscode'] }),
  // The process each local Lambda handler runs in; the runner looks for it beside cli.js.
  build({ ...common, entryPoints: ['core/src/mock/lambda/childRunner.ts'], outfile: 'dist/lambdaChild.js' }),
]);
