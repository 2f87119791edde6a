import * as path from 'node:path';
import { MODULE_EXTENSIONS, type HandlerSource } from './functionDefinition';

const SCRIPT_FILE = /\.(?:[cm]?js|[cm]?ts)$/;

/**
 * A Lambda `Handler` setting (`src/app.handler`, `app.routes.get`) under one or more code roots
 * tried in order. Like Lambda's Node.js runtime: the module is the text before the first dot
 * after the last slash, and the rest names the export, dots walking into nested objects.
 */
export function lambdaHandlerSource(codeRoots: readonly string[], handler: string): HandlerSource | { unsupported: string } {
  const slash = handler.lastIndexOf('/');
  const dot = handler.indexOf('.', slash + 1);
  if (dot < 0 || dot === handler.length - 1) {
    return { unsupported: `handler "${handler}" is not of the form file.export (for example "app.handler")` };
  }
  const modulePath = handler.slice(0, dot);
  const candidates = codeRoots.flatMap((root) => MODULE_EXTENSIONS.map((ext) => path.resolve(root, modulePath + ext)));
  return { candidates, exportPath: handler.slice(dot + 1).split('.'), written: handler };
}

/**
 * An apigw.config.json handler: `file#export` relative to the config's directory (`#handler` when
 * left out; without an extension the file is tried as `.js`, `.mjs`, `.cjs`). A value without `#`
 * that does not name a script file is read as a Lambda `Handler` setting.
 */
export function configHandlerSource(baseDir: string, spec: string): HandlerSource | { unsupported: string } {
  const hash = spec.lastIndexOf('#');
  if (hash < 0 && !SCRIPT_FILE.test(spec)) return lambdaHandlerSource([baseDir], spec);
  const file = hash < 0 ? spec : spec.slice(0, hash);
  const exportName = hash < 0 ? 'handler' : spec.slice(hash + 1);
  if (file === '' || exportName === '') return { unsupported: `handler "${spec}" is not of the form file#export (for example "src/orders.js#handler")` };
  const absolute = path.resolve(baseDir, file);
  const candidates = path.extname(file) === '' ? MODULE_EXTENSIONS.map((ext) => absolute + ext) : [absolute];
  return { candidates, exportPath: exportName.split('.'), written: spec };
}
