/** What the person deploying sees and must type before a protected stage changes. */
export interface StageNameQuestion {
  prompt: string;
  placeHolder: string;
  /** Says what is wrong with the text typed so far (nothing for an empty field, which is not an answer yet). */
  validate(typed: string): string | undefined;
}

/**
 * Asks for a protected stage's name to be typed (`protected: true` in apigw.config.json) and
 * accepts exactly that name: a cancelled question or any other text confirms nothing. `ask`
 * is the adapter's input box; it resolves undefined when dismissed.
 */
export async function confirmByTypingStageName(stage: string, what: string, ask: (q: StageNameQuestion) => PromiseLike<string | undefined>): Promise<boolean> {
  const typed = await ask({
    prompt: `Stage ${stage} is protected. Type its name to ${what}.`,
    placeHolder: stage,
    validate: (v) => (v === '' || v === stage ? undefined : `Type ${stage}`),
  });
  return typed === stage;
}
