import type { Diagnostic } from '../validate/diagnostic';

/** Why a deploy step failed, for the adapters to choose an exit status or an icon. */
export type FailureKind = 'credentials' | 'access-denied' | 'throttled' | 'unavailable' | 'not-found' | 'rejected' | 'network' | 'conflict' | 'refused' | 'cancelled' | 'other';

/**
 * A failure worded for the person deploying: what happened, in which state it left the
 * API and stage, and what to do next (`hints`). Messages are already redacted.
 */
export class DeployError extends Error {
  constructor(
    message: string,
    readonly kind: FailureKind,
    readonly hints: readonly string[] = [],
    /** A rejected import's messages, placed on the definition's nodes. */
    readonly diagnostics: readonly Diagnostic[] = [],
    /**
     * The failed call may have taken effect all the same: the request went out and its answer
     * was lost (connection reset, timeout) or was a 5xx. What it left must be looked up, not assumed.
     */
    readonly outcomeUnknown = false,
  ) {
    super(message);
    this.name = 'DeployError';
  }

  /** The same failure, explained in terms of the deploy it interrupted. */
  explained(message: string, hints: readonly string[], diagnostics: readonly Diagnostic[] = this.diagnostics): DeployError {
    return new DeployError(message, this.kind, [...hints, ...this.hints], diagnostics, this.outcomeUnknown);
  }
}
