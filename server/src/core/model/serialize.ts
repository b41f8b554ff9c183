import type { Range } from '../text/lineIndex.js';
import { citeLabel } from './labels.js';
import type { Clause, ContractModel, Item, Section } from './types.js';

/**
 * A plain, acyclic JSON view of the model (for snapshots, `avv model` and debugging):
 * ranges as "line:char-line:char", targets by their citation label.
 */
export function modelToJson(model: ContractModel): unknown {
  const r = (range: Range) => `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
  const item = (i: Item) => ({ number: i.number, marker: i.marker, kind: i.kind, range: r(i.range), ...(i.checked !== null ? { checked: i.checked } : {}) });
  const clause = (c: Clause) => ({ number: c.number, marker: c.marker, range: r(c.range), items: c.items.map(item) });
  const section = (s: Section): unknown => ({
    label: s.label,
    title: s.title,
    style: s.style,
    form: s.form,
    level: s.level,
    range: r(s.range),
    heading: r(s.heading.range),
    ...(s.annexKind ? { annexKind: s.annexKind } : {}),
    clauses: s.clauses.map(clause),
    items: s.items.map(item),
    children: s.children.map(section),
  });
  return {
    title: model.title ?? null,
    mainStyle: model.mainStyle,
    preamble: model.preamble ? r(model.preamble.range) : null,
    parties: model.parties.map((p) => ({ role: p.role, name: p.name, legalForm: p.legalForm ?? null, address: p.address ?? null, representedBy: p.representedBy ?? null, terms: p.terms, source: p.source, range: r(p.range) })),
    terms: model.terms.map((t) => ({ term: t.term, aliases: t.aliases, role: t.role ?? null, source: t.source, definitions: t.definitions.map((d) => r(d.range)), occurrences: t.occurrences.length })),
    sections: model.sections.map(section),
    annexes: model.annexes.map(section),
    references: model.references.map((x) => ({ text: x.text, range: r(x.range), resolution: x.resolution, target: x.target ? citeLabel(x.target) : null, ...(x.external ? { external: x.external } : {}) })),
    citations: model.citations.map((c) => {
      const { start: _s, end: _e, range, lawSpan: _l, ...rest } = c;
      return { ...rest, range: r(range) };
    }),
    placeholders: model.placeholders.map((p) => ({ text: p.text, kind: p.kind, range: r(p.range), inParties: p.inParties, ...(p.path ? { path: p.path, value: p.value ?? null } : {}) })),
    directives: model.directives.map((d) => ({ verb: d.verb, ids: d.ids, reason: d.reason ?? null, range: r(d.range) })),
    signatureBlock: model.signatureBlock ? r(model.signatureBlock.range) : null,
    tables: model.tables.map((t) => ({ form: t.form, columns: t.columns, header: t.header.map((c) => c.text), rows: t.rows.length, range: r(t.range) })),
    subprocessors: model.subprocessors.map((s) => ({ name: s.name?.text ?? null, address: s.address?.text ?? null, service: s.service?.text ?? null, location: s.location?.text ?? null })),
    tomEntries: model.tomEntries.map((t) => ({ text: t.text, category: t.category ? citeLabel(t.category) : null })),
    artifacts: model.artifacts.map((a) => ({ kind: a.kind, range: r(a.range) })),
  };
}
