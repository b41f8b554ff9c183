import type { TextEdit } from '../features/navigation.js';
import type { ParsedContract } from '../model/build.js';
import { comparePositions, LineIndex } from '../text/lineIndex.js';

export type { TextEdit };

/** An edit in n-offsets (normalised text), converted to an LSP TextEdit at the boundary. */
export interface NEdit {
  start: number;
  end: number;
  newText: string;
}

export function toTextEdits(parsed: ParsedContract, edits: NEdit[]): TextEdit[] {
  return edits.map((e) => ({ range: parsed.source.range(e.start, e.end), newText: e.newText }));
}

/**
 * Applies LSP TextEdits to a text: the one function the editor (via WorkspaceEdit semantics) and the CLI
 * (`avv fix`) share. Edits are sorted by position; insertions at the same position keep their given order.
 * Overlapping edits are a programming error and throw instead of producing garbage.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const index = new LineIndex(text);
  const resolved = edits
    .map((e, order) => ({ start: index.offsetAt(e.range.start), end: index.offsetAt(e.range.end), newText: e.newText, order, edit: e }))
    .sort((a, b) => a.start - b.start || a.end - b.end || a.order - b.order);
  for (const r of resolved) {
    if (comparePositions(r.edit.range.start, r.edit.range.end) > 0) throw new Error(`applyEdits: inverted range at offset ${r.start}`);
  }
  for (let i = 1; i < resolved.length; i++) {
    const prev = resolved[i - 1]!;
    const next = resolved[i]!;
    if (next.start < prev.end) throw new Error(`applyEdits: overlapping edits at offsets ${prev.start}–${prev.end} and ${next.start}–${next.end}`);
  }
  let out = '';
  let cursor = 0;
  for (const r of resolved) {
    out += text.slice(cursor, r.start) + r.newText;
    cursor = r.end;
  }
  return out + text.slice(cursor);
}
