import type { LogOutputChannel, OutputChannel } from 'vscode';
import { maskSecretPatterns } from '../../core/src/secretPatterns';

/** The channel methods that take text to show: everything else passes through untouched. */
const TEXT_METHODS = new Set<PropertyKey>(['append', 'appendLine', 'replace', 'trace', 'debug', 'info', 'warn', 'error']);

function masked(value: unknown): unknown {
  if (typeof value === 'string') return maskSecretPatterns(value);
  // LogOutputChannel.error takes an Error too; its message and stack are text like any other.
  if (value instanceof Error) {
    const copy = new Error(maskSecretPatterns(value.message));
    copy.name = value.name;
    copy.stack = value.stack === undefined ? undefined : maskSecretPatterns(value.stack);
    return copy;
  }
  return value;
}

/**
 * The same output channel, with credentials masked in everything written to it (see
 * maskSecretPatterns): what the mock, the deploy or the language server's protocol trace
 * writes there may quote a request's headers or a definition's hard-coded keys.
 */
export function redactingChannel<C extends OutputChannel | LogOutputChannel>(channel: C): C {
  return new Proxy(channel, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property);
      if (typeof value !== 'function') return value;
      if (!TEXT_METHODS.has(property)) return value.bind(target) as unknown;
      return (...args: unknown[]) => (value as (...a: unknown[]) => unknown).apply(target, args.map(masked));
    },
  });
}
