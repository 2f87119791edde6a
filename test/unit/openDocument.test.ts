import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import { openDocuments, type OpenDocument } from '../../server/src/openDocument';
import { seeded } from '../support/randomEdits';

/*
 * The server's open documents carry core's line index instead of the library's; every
 * feature reads positions through them, so they must answer exactly as the library's
 * TextDocument does. Chains of seeded random edits (line breaks of every kind, ranges
 * written end first, several changes in one event, whole-text replacements) compare both.
 * The library's own update can miscount lines next to a lone \r ('d\r\n\r' came out as 4
 * lines after an edit, 3 when read afresh, and the next edit then landed elsewhere), so each
 * change is applied to the text by positions a library document made afresh resolves, and
 * the answers are compared with a library document made afresh from the result.
 */

const PIECES = ['x', 'key: value', ' ', '\n', '\r\n', '\r', '\n\n', 'é', '😀', '', 'a\r\nb\rc\nd'];

function randomText(next: () => number, pieces: number): string {
  let text = '';
  for (let i = 0; i < pieces; i++) text += PIECES[Math.floor(next() * PIECES.length)];
  return text;
}

/** The text after `changes`, each resolved against the text the ones before it left. */
function applied(text: string, changes: TextDocumentContentChangeEvent[]): string {
  let out = text;
  for (const change of changes) {
    if (!('range' in change)) {
      out = change.text;
      continue;
    }
    const doc = TextDocument.create('file:///api.yaml', 'yaml', 0, out);
    const [start, end] = [doc.offsetAt(change.range.start), doc.offsetAt(change.range.end)].sort((a, b) => a - b);
    out = out.slice(0, start) + change.text + out.slice(end);
  }
  return out;
}

function randomPosition(next: () => number, doc: TextDocument): { line: number; character: number } {
  // Lines and characters past the end, and negative ones, too: both documents clamp them.
  return { line: Math.floor(next() * (doc.lineCount + 2)) - 1, character: Math.floor(next() * 14) - 1 };
}

function assertSame(ours: OpenDocument, theirs: TextDocument, next: () => number, context: string): void {
  const text = theirs.getText();
  assert.equal(ours.getText(), text, context);
  assert.equal(ours.version, theirs.version, context);
  assert.equal(ours.lineCount, theirs.lineCount, context);
  for (let offset = -1; offset <= text.length + 1; offset++) assert.deepEqual(ours.positionAt(offset), theirs.positionAt(offset), `${context}: positionAt(${offset})`);
  for (let line = -1; line <= theirs.lineCount; line++) {
    assert.deepEqual(ours.getLineRange(line), theirs.getLineRange(line), `${context}: getLineRange(${line})`);
    assert.equal(ours.getEOLCharacters(line), theirs.getEOLCharacters(line), `${context}: getEOLCharacters(${line})`);
    for (let character = -1; character < 12; character++) assert.equal(ours.offsetAt({ line, character }), theirs.offsetAt({ line, character }), `${context}: offsetAt(${line}:${character})`);
  }
  for (let i = 0; i < 10; i++) {
    const range = { start: randomPosition(next, theirs), end: randomPosition(next, theirs) };
    assert.equal(ours.getText(range), theirs.getText(range), `${context}: getText(${JSON.stringify(range)})`);
  }
}

describe('server: open documents answer as the library TextDocument does', () => {
  it('after chains of random edits', () => {
    const next = seeded(20261124);
    for (let chain = 0; chain < 60; chain++) {
      const initial = randomText(next, 12);
      let ours = openDocuments.create('file:///api.yaml', 'yaml', 1, initial);
      let theirs = TextDocument.create('file:///api.yaml', 'yaml', 1, initial);
      // Half the chains make the line index at once, the others only when an edit needs it.
      if (chain % 2 === 0) void ours.lines;
      for (let edit = 0; edit < 25; edit++) {
        const changes: TextDocumentContentChangeEvent[] = [];
        const count = 1 + Math.floor(next() * 3);
        for (let i = 0; i < count; i++) {
          if (next() < 0.05) changes.push({ text: randomText(next, 8) });
          else changes.push({ range: { start: randomPosition(next, theirs), end: randomPosition(next, theirs) }, text: randomText(next, Math.floor(next() * 3)) });
        }
        const version = theirs.version + 1;
        ours = openDocuments.update(ours, changes, version);
        theirs = TextDocument.create(theirs.uri, theirs.languageId, version, applied(theirs.getText(), changes));
        assertSame(ours, theirs, next, `chain ${chain}, edit ${edit}: ${JSON.stringify(changes)}`);
      }
    }
  });
});
