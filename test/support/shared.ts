import { existsSync } from 'node:fs';
import * as path from 'node:path';

/** `../shared` beside the repository: present in CI and on developer machines, absent on a bare clone. */
export const SHARED = path.resolve(__dirname, '..', '..', '..', '..', 'shared');

export function sharedAvailable(ctx: Mocha.Context, ...parts: string[]): string | undefined {
  const p = path.join(SHARED, ...parts);
  if (existsSync(p)) return p;
  console.log('      skipped: corpus not present');
  ctx.skip();
  return undefined;
}
