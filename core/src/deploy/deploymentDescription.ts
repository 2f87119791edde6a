import { execFile } from 'node:child_process';
import { userInfo } from 'node:os';

/** Who deployed what, as far as the working copy tells. */
export interface Provenance {
  commit?: string;
  /** The definition differs from the commit. */
  dirty?: boolean;
  user?: string;
}

function git(dir: string, args: string[]): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile('git', args, { cwd: dir, timeout: 3000, windowsHide: true }, (err, stdout) => resolve(err ? undefined : stdout.trim() || undefined));
  });
}

/** The commit of `file`'s working copy and the deploying user; whatever cannot be found is left out. */
export async function gitProvenance(dir: string, file: string): Promise<Provenance> {
  const [commit, status, user] = await Promise.all([git(dir, ['rev-parse', '--short=12', 'HEAD']), git(dir, ['status', '--porcelain', '--', file]), git(dir, ['config', 'user.name'])]);
  let fallbackUser: string | undefined;
  try {
    fallbackUser = userInfo().username;
  } catch {
    fallbackUser = undefined;
  }
  return { commit, dirty: commit !== undefined && status !== undefined, user: user ?? fallbackUser };
}

const PREVIOUS = /; previous deployment ([A-Za-z0-9]+)$/;

/**
 * The deployment's description. It ends with the deployment the stage served before, which
 * is how a later rollback finds where to go back to without any state kept on this machine.
 */
export function deploymentDescription(p: Provenance, previous: string | undefined): string {
  let text = 'apigw deploy';
  if (p.commit) text += ` of ${p.commit}${p.dirty ? ' with uncommitted changes' : ''}`;
  if (p.user) text += ` by ${p.user}`;
  if (previous) text += `; previous deployment ${previous}`;
  return text;
}

export function previousDeploymentIn(description: string | undefined): string | undefined {
  return description ? PREVIOUS.exec(description)?.[1] : undefined;
}
