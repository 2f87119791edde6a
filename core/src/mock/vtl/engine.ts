import { Compile, parse } from 'velocityjs';
import type { EachAST, ReferencesAST, VELOCITY_AST } from 'velocityjs/dist/src/type';
import { QUOTAS } from '../../catalog/quotas';
import { javaString } from './javaValues';
import { JAVA_METHODS } from './javaMethods';

/** What a mapping template sees besides the payload. */
export interface TemplateVariables {
  input: unknown;
  context: Record<string, unknown>;
  stageVariables: Record<string, string>;
  util: unknown;
}

export interface RenderResult {
  output: string;
  /** What the engine did differently from a plain render, to report (e.g. a loop cut short). */
  notes: string[];
}

const FOREACH_LIMIT = QUOTAS.vtlForeachIterations;

/** Velocity as API Gateway runs it: Java printing of maps and lists, and `#foreach` capped at 1000 iterations. */
class ApiGatewayCompile extends Compile {
  foreachCapped = false;
  private slots = 0;

  /** Forgets the state of the previous render (locals, loop and stop flags, macros it defined). */
  reset(): void {
    this.foreachCapped = false;
    this.local = {};
    this.conditions = [];
    this.contextId = '';
    this.defines = {};
    this.macrosStore = {};
    this.runState = { stop: false, break: false };
  }

  protected override getReferences(ast: VELOCITY_AST, isVal?: boolean): string {
    const value = super.getReferences(ast, isVal) as unknown;
    // Only values written to the output print the Java way; expressions keep the objects.
    if (isVal && value !== null && typeof value === 'object') return javaString(value);
    return value as string;
  }

  protected override getBlock(block: VELOCITY_AST[]): string {
    const head = block[0];
    if (head?.type !== 'foreach') return super.getBlock(block);
    const each = head as EachAST;
    const from = this.getLiteral({ ...each.from, pos: each.pos }) as unknown;
    let items = from;
    const values = Array.isArray(from) ? from : from !== null && typeof from === 'object' ? Object.values(from) : undefined;
    if (values && values.length > FOREACH_LIMIT) {
      items = values.slice(0, FOREACH_LIMIT);
      this.foreachCapped = true;
    }
    // The loop reads its collection from a slot, so the collection is evaluated only once.
    const slot = `apigwForeach${this.slots++}`;
    this.context[slot] = items;
    const from2: ReferencesAST = { type: 'references', id: slot, leader: '$', prue: true, isWraped: false, value: undefined, pos: each.pos };
    try {
      return super.getBlock([{ ...each, from: from2 } as VELOCITY_AST, ...block.slice(1)]);
    } finally {
      delete this.context[slot];
    }
  }
}

const compiled = new Map<string, ApiGatewayCompile>();

/**
 * The compiled template, reused across requests: rendering is synchronous, so one instance
 * per template is never used by two renders at once; `reset` clears what a render leaves.
 */
function compiledTemplate(template: string): ApiGatewayCompile {
  let compile = compiled.get(template);
  if (!compile) {
    // Templates come from the definition; the bound only matters across many reloads.
    if (compiled.size > 2000) compiled.clear();
    compile = new ApiGatewayCompile(parse(template), { customMethodHandlers: JAVA_METHODS });
    compiled.set(template, compile);
  }
  compile.reset();
  return compile;
}

/**
 * Whether a template is text only: without `$` or `#` it has no reference, directive or escape,
 * so Velocity prints it as written (a MOCK integration's `{"statusCode": 200}`, say).
 */
export function isPlainText(template: string): boolean {
  return !template.includes('$') && !template.includes('#');
}

/** Renders a mapping template. Throws on a syntax error or a failing method, as API Gateway fails the request. */
export function renderTemplate(template: string, variables: TemplateVariables): RenderResult {
  const compile = compiledTemplate(template);
  const output = compile.render({ input: variables.input, context: variables.context, stageVariables: variables.stageVariables, util: variables.util });
  const notes = compile.foreachCapped ? [`#foreach stopped after ${FOREACH_LIMIT} iterations, as API Gateway stops it`] : [];
  return { output, notes };
}
