/** The steps of a deploy, in order; `cleanup` runs only when a new API has to be deleted again. */
export type DeployStep = 'locate' | 'import' | 'deploy' | 'settings' | 'cleanup';

/** How an adapter follows a deploy: a progress line per step, and a way to cancel it early. */
export interface DeployObserver {
  step?(step: DeployStep, message: string): void;
  /**
   * Looked at before the import, the point of no return: after it, the API has changed and
   * stopping would leave it half-deployed, so the deploy goes on to the end.
   */
  signal?: AbortSignal;
}
