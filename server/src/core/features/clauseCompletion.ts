import * as l10n from '@vscode/l10n';
import { renderClause, renderClauseTitle } from '../fixes/insert.js';
import type { ClauseLibrary } from '../fixes/library.js';
import type { ParsedContract } from '../model/build.js';
import type { Position } from '../text/lineIndex.js';
import type { Completion } from './completion.js';

const KIND_SNIPPET = 15;

/**
 * Standard clauses by name: after "Klausel" (typed at the start of a line) or on an empty line after a
 * section heading, every clause of the library, rendered in the document's own terms and numbering style.
 */
export function clauseCompletions(parsed: ParsedContract, position: Position, library: ClauseLibrary): Completion[] {
  const { source, model } = parsed;
  const lines = source.originalLines;
  const lineStart = lines.lineStart(position.line);
  const before = source.original.slice(lineStart, lines.offsetAt(position));
  const typed = /^\s*(Klausel\S*(?:\s+\S*)?)$/iu.exec(before)?.[1];
  let emptyAfterHeading = false;
  if (typed === undefined) {
    if (before.trim() !== '' || lines.lineText(position.line).trim() !== '') return [];
    // the nearest non-empty line above is a section heading
    let l = position.line - 1;
    while (l >= 0 && lines.lineText(l).trim() === '') l--;
    if (l < 0) return [];
    const offset = source.offsetAt({ line: l, character: 0 });
    emptyAfterHeading = model.allSections.some((s) => s.heading.start <= offset && offset <= s.heading.end);
    if (!emptyAfterHeading) return [];
  }
  const range = { start: { line: position.line, character: position.character - (typed?.length ?? 0) }, end: position };
  return library.clauses.map((c, i) => {
    const title = renderClauseTitle(parsed, library, c.id);
    const text = renderClause(parsed, library, c.id);
    return {
      label: l10n.t('Clause: {0}', title),
      kind: KIND_SNIPPET,
      detail: c.requirement,
      documentation: text,
      filterText: `Klausel ${title} ${c.id}`,
      sortText: `zz${String(i).padStart(3, '0')}`,
      textEdit: { range, newText: text },
    };
  });
}
