import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { appliesToKind, findExtension } from '../../core/src/catalog';
import { pointerOf, splitPointer } from '../../core/src/document/pointer';
import type { ValueNode } from '../../core/src/document/types';
import { lintText, looksLikeOpenApi } from '../../core/src/lint';
import { locate } from '../../core/src/language/apiLocation';
import { catalogPlace } from '../../core/src/language/catalogPath';
import { complete } from '../../core/src/language/completion';
import { hover } from '../../core/src/language/hover';
import { sharedAvailable } from '../support/shared';

function definitions(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...definitions(full));
    else if (looksLikeOpenApi(readFileSync(full, 'utf8'))) out.push(full);
  }
  return out;
}

function* keys(node: ValueNode | undefined): Generator<import('../../core/src/document/types').KeyNode> {
  if (node?.kind === 'object') {
    for (const prop of node.properties) {
      yield prop.keyNode;
      if (prop.valueNode?.parent === prop) yield* keys(prop.valueNode);
    }
  } else if (node?.kind === 'array') for (const item of node.items) if (item.parent === node) yield* keys(item);
}

describe('completion and hover on the real corpus', function () {
  this.timeout(120000);

  it('offers back every extension key written in its place, documents every key and field, and never throws', async function () {
    const dir = sharedAvailable(this, 'corpus', 'real');
    if (!dir) return;
    let offered = 0;
    let extensionKeys = 0;
    let documented = 0;
    let fields = 0;
    let calls = 0;
    for (const file of definitions(dir)) {
      const text = readFileSync(file, 'utf8');
      const uri = pathToFileURL(file).toString();
      const result = await lintText(uri, text, async () => undefined);
      const at = (offset: number) => ({ set: result.set, model: result.model, uri, offset });
      for (const key of keys(result.set.entry.parsed.root)) {
        const location = locate(splitPointer(pointerOf(key)));
        const ext = location.extension;
        if (!ext) continue;
        const place = catalogPlace(ext);
        if (ext.inner.length === 0) {
          // A key the document writes where API Gateway reads it, for an API of its kind.
          if (!ext.placement || !ext.spec.placements.includes(ext.placement) || !ext.spec.apiKinds.includes(result.model.kind)) continue;
          extensionKeys++;
          const labels = complete(at(key.offset + key.length)).map((e) => e.label);
          if (labels.includes(key.value)) offered++;
          else assert.fail(`${path.basename(file)}: ${key.value} not offered at ${pointerOf(key)}: ${labels.join(', ')}`);
        } else if (!place.spec || place.inMap || !appliesToKind(place.spec, result.model.kind)) continue;
        fields += ext.inner.length === 0 ? 0 : 1;
        const found = hover(at(key.offset + 1));
        assert.ok(found, `${path.basename(file)}: no hover on ${pointerOf(key)}`);
        if (ext.inner.length > 0) assert.ok(found.markdown.includes(place.spec?.doc ?? '?'), `${pointerOf(key)}: ${found.markdown}`);
        else assert.ok(found.markdown.includes(findExtension(key.value)?.doc ?? '?'));
        documented++;
      }
      const step = Math.max(1, Math.floor(text.length / 150));
      for (let offset = 0; offset <= text.length; offset += step) {
        complete(at(offset));
        hover(at(offset));
        calls += 2;
      }
    }
    console.log(`      ${offered}/${extensionKeys} extension keys offered back in place; ${documented} keys and fields hovered (${fields} fields); ${calls} requests without an exception`);
    assert.ok(extensionKeys > 100);
  });
});
