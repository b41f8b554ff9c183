import { LineIndex } from '../text/lineIndex.js';
import type { TextEdit } from './edits.js';

/**
 * The edits that turn `before` into `after`, line by line (a longest-common-subsequence diff), in LSP
 * coordinates of `before`. Used to hand the result of several fix rounds (each re-parsed) to the editor as
 * one WorkspaceEdit that touches only the changed lines, and for the `avv fix --dry-run` summary.
 */
export function diffEdits(before: string, after: string): TextEdit[] {
  return diffHunks(before, after).map((h) => h.edit);
}

export interface Hunk {
  /** 0-based first line of `before` the hunk replaces, and how many lines. */
  line: number;
  removed: string[];
  added: string[];
  edit: TextEdit;
}

const MAX_CELLS = 4_000_000;

export function diffHunks(before: string, after: string): Hunk[] {
  if (before === after) return [];
  const a = splitLines(before);
  const b = splitLines(after);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);
  const pairs: [number, number][] = midA.length * midB.length <= MAX_CELLS ? lcs(midA, midB) : [];
  const index = new LineIndex(before);
  const offsets: number[] = [0];
  for (const line of a) offsets.push(offsets[offsets.length - 1]! + line.length);
  const hunks: Hunk[] = [];
  let i = 0;
  let j = 0;
  const flush = (toI: number, toJ: number) => {
    if (toI === i && toJ === j) return;
    const start = offsets[head + i]!;
    const end = offsets[head + toI]!;
    const removed = midA.slice(i, toI);
    const added = midB.slice(j, toJ);
    hunks.push({ line: head + i, removed, added, edit: { range: { start: index.positionAt(start), end: index.positionAt(end) }, newText: added.join('') } });
  };
  for (const [pi, pj] of pairs) {
    flush(pi, pj);
    i = pi + 1;
    j = pj + 1;
  }
  flush(midA.length, midB.length);
  return hunks;
}

/** Lines with their line breaks, so joining them gives the text back. */
function splitLines(text: string): string[] {
  return text === '' ? [] : text.split(/(?<=\n)/u);
}

/** Index pairs of a longest common subsequence (classic dynamic programme; inputs are already trimmed). */
function lcs(a: string[], b: string[]): [number, number][] {
  const n = a.length;
  const m = b.length;
  const table = new Uint32Array((n + 1) * (m + 1));
  for (let x = n - 1; x >= 0; x--) {
    for (let y = m - 1; y >= 0; y--) {
      table[x * (m + 1) + y] = a[x] === b[y] ? table[(x + 1) * (m + 1) + y + 1]! + 1 : Math.max(table[(x + 1) * (m + 1) + y]!, table[x * (m + 1) + y + 1]!);
    }
  }
  const out: [number, number][] = [];
  let x = 0;
  let y = 0;
  while (x < n && y < m) {
    if (a[x] === b[y]) {
      out.push([x, y]);
      x++;
      y++;
    } else if (table[(x + 1) * (m + 1) + y]! >= table[x * (m + 1) + y + 1]!) x++;
    else y++;
  }
  return out;
}
