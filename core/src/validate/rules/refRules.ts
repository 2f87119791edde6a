import type { ValidationContext } from '../context';
import { collectRefs } from '../../document/documentSet';

/** Every `$ref`, in every loaded file, must reach a node. */
export function checkRefs(ctx: ValidationContext): void {
  for (const file of ctx.set.files) {
    for (const ref of collectRefs(file.parsed.root)) {
      const target = ctx.set.resolve(file, ref.value);
      if (!('node' in target)) ctx.report(target.code, ref, target.message);
    }
  }
}
