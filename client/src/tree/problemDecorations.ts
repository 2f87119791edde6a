import { FileDecoration, ThemeColor, Uri, type FileDecorationProvider } from 'vscode';
import type { ProblemCounts } from '../../../core/src/model/apiTree';

/**
 * Tree items get problem badges the way the Explorer does: through a file decoration of
 * their `resourceUri`. The counts travel in the URI itself, so a changed count is a new URI
 * that VS Code asks about afresh, and the provider keeps no state.
 */
const SCHEME = 'apigw-tree-problems';

export function problemDecorationUri(id: string, problems: ProblemCounts): Uri {
  return Uri.from({ scheme: SCHEME, path: `/${encodeURIComponent(id)}`, query: `error=${problems.error}&warning=${problems.warning}` });
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function problemSummary(problems: ProblemCounts): string {
  const parts = [];
  if (problems.error > 0) parts.push(plural(problems.error, 'error'));
  if (problems.warning > 0) parts.push(plural(problems.warning, 'warning'));
  return parts.join(', ');
}

/** Badges hold at most two characters. */
function badge(n: number): string {
  return n > 99 ? '99' : String(n);
}

export class ProblemDecorationProvider implements FileDecorationProvider {
  provideFileDecoration(uri: Uri): FileDecoration | undefined {
    if (uri.scheme !== SCHEME) return undefined;
    const query = new URLSearchParams(uri.query);
    const problems: ProblemCounts = { error: Number(query.get('error')) || 0, warning: Number(query.get('warning')) || 0, info: 0, hint: 0 };
    if (problems.error > 0) return new FileDecoration(badge(problems.error), problemSummary(problems), new ThemeColor('list.errorForeground'));
    if (problems.warning > 0) return new FileDecoration(badge(problems.warning), problemSummary(problems), new ThemeColor('list.warningForeground'));
    return undefined;
  }
}
