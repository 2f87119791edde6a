import { workspace, type Uri } from 'vscode';

/** Folders never holding definitions worth listing, and expensive to search. */
const EXCLUDE = '{**/node_modules/**,**/.git/**}';
/** A bound on the files sent to the server in one scan, so a huge monorepo stays responsive. */
const MAX_FILES = 5000;

/**
 * Every YAML or JSON file of the workspace, plus the files the `apigw.files` setting names:
 * candidates only. Which of them are API definitions the server decides.
 */
export async function findCandidateFiles(): Promise<Uri[]> {
  const globs = ['**/*.{yaml,yml,json}', ...workspace.getConfiguration('apigw').get<string[]>('files', [])];
  const found = new Map<string, Uri>();
  for (const glob of globs) {
    for (const uri of await workspace.findFiles(glob, EXCLUDE, MAX_FILES)) found.set(uri.toString(), uri);
  }
  return [...found.values()].slice(0, MAX_FILES);
}
