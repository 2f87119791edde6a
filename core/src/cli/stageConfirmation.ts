import { createInterface } from 'node:readline/promises';

export interface ConfirmationArgs {
  yes: boolean;
  /** The stage name typed ahead, for a protected stage with no terminal to ask on. */
  confirmStage: string | undefined;
}

export interface Terminal {
  interactive: boolean;
  ask(question: string): Promise<string>;
}

export function processTerminal(): Terminal {
  return {
    interactive: Boolean(process.stdin.isTTY && process.stderr.isTTY),
    ask: async (question) => {
      const rl = createInterface({ input: process.stdin, output: process.stderr });
      try {
        return await rl.question(question);
      } finally {
        rl.close();
      }
    },
  };
}

/**
 * A protected stage (`protected: true` in apigw.config.json, e.g. prod) takes `--yes` and the
 * stage name typed: at the prompt, or with `--confirm-stage` where there is no terminal (CI).
 * Returns why it is refused, or undefined when confirmed.
 */
export async function confirmProtectedStage(stage: string, what: string, args: ConfirmationArgs, terminal: Terminal): Promise<string | undefined> {
  if (!args.yes) return `stage ${stage} is protected: --yes is needed to ${what}, and the stage name typed when asked (or --confirm-stage ${stage} without a terminal)`;
  if (args.confirmStage !== undefined) return args.confirmStage === stage ? undefined : `--confirm-stage ${args.confirmStage} does not match the stage ${stage}`;
  if (!terminal.interactive) return `stage ${stage} is protected and there is no terminal to confirm on: add --confirm-stage ${stage}`;
  const typed = (await terminal.ask(`Stage ${stage} is protected. Type its name to ${what}: `)).trim();
  return typed === stage ? undefined : `'${typed}' is not ${stage}; nothing was changed`;
}
