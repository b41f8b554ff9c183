import * as l10n from '@vscode/l10n';
import type { Annex, CrossReference, Span } from '../../model/types.js';
import type { Rule } from '../types.js';

/** What the words around a reference say the annex holds. */
const SUBPROCESSORS = /Unterauftrag|Subunternehmer|Sub-?[Pp]rocessor|weitere[nr]? Auftragsverarbeiter/;

/**
 * Conservative: an annex is referred to but has no heading ("Anlage 2" points to nothing), the words
 * around the reference say it lists sub-processors, no annex is recognised as that list, and a
 * sub-processor table stands inside another annex. The table is evidently the unheaded annex.
 */
export const missingAnnexHeading: Rule = {
  id: 'missing-annex-heading',
  check({ parsed }, report) {
    const { model, scan } = parsed;
    if (model.annexes.some((a) => a.annexKind === 'subprocessors')) return;
    const refs = model.references.filter((r) => !r.external && r.resolution === 'none' && r.address.style === 'annex' && SUBPROCESSORS.test(around(scan, r)));
    if (refs.length === 0) return;
    const reported = new Set<number>();
    for (const sub of model.subprocessors) {
      const table = sub.table;
      if (reported.has(table.start)) continue;
      const host = model.annexes.find((a) => a.start <= table.start && table.start < a.end);
      if (!host) continue;
      reported.add(table.start);
      const ref = refs[0]!;
      report({
        message: l10n.t('This sub-processor list evidently is "{0}", but it stands inside "{1}" without a heading of its own; expected a heading "{0}".', ref.text, host.label),
        range: firstLine(parsed.source.text, table, parsed.source.range.bind(parsed.source)),
        related: [
          { range: ref.range, message: l10n.t('Reference to "{0}"', ref.text) },
          { range: (host as Annex).heading.range, message: l10n.t('Heading of "{0}"', host.label) },
        ],
        data: { annex: ref.text, host: host.label },
      });
    }
  },
};

/** The sentence around a reference (up to 150 characters each side). */
function around(scan: string, r: CrossReference): string {
  const before = scan.slice(Math.max(0, r.start - 150), r.start).split(/[.;:]\s+(?=\p{Lu})|\n\s*\n/u).pop() ?? '';
  const after = scan.slice(r.end, r.end + 150).split(/[.;](?:\s|$)|\n\s*\n/)[0] ?? '';
  return before + r.text + after;
}

function firstLine(text: string, span: Span, range: (s: number, e: number) => Span['range']) {
  // the first line break of any kind (CRLF, CR or LF): a range must not end between CR and LF
  const lineBreak = /\r\n?|\n/gu;
  lineBreak.lastIndex = span.start;
  const nl = lineBreak.exec(text)?.index ?? -1;
  return range(span.start, nl < 0 || nl > span.end ? span.end : nl);
}
