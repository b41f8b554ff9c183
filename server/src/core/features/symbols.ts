import type { ContractModel, Range, Section } from '../model/types.js';

/** Outline entries in LSP DocumentSymbol shape (kind numbers from the protocol: 2 Module, 5 Class, 23 Struct …). */
export interface OutlineSymbol {
  name: string;
  detail: string;
  kind: number;
  range: Range;
  selectionRange: Range;
  children: OutlineSymbol[];
}

const KIND_NAMESPACE = 3;
const KIND_PACKAGE = 4;
const KIND_STRING = 15;
const KIND_KEY = 20;

/** §§ and annexes with their numbers and titles; Absätze as children, so the outline reads like the contract. */
export function documentSymbols(model: ContractModel): OutlineSymbol[] {
  const section = (s: Section): OutlineSymbol => ({
    name: [s.label, s.title].filter(Boolean).join(' ') || s.title || s.label || '—',
    detail: s.kind === 'annex' ? 'Anlage' : '',
    kind: s.kind === 'annex' ? KIND_PACKAGE : KIND_NAMESPACE,
    range: s.range,
    selectionRange: s.heading.range,
    children: [
      ...s.clauses.map((c) => ({
        name: c.marker,
        detail: '',
        kind: KIND_KEY,
        range: c.range,
        selectionRange: c.markerSpan.range,
        children: [],
      })),
      ...s.children.map(section),
    ].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character),
  });
  const out = [...model.sections.map(section), ...model.annexes.map(section)];
  if (model.signatureBlock) {
    out.push({ name: 'Unterschriften', detail: '', kind: KIND_STRING, range: model.signatureBlock.range, selectionRange: model.signatureBlock.range, children: [] });
  }
  return out.sort((a, b) => a.range.start.line - b.range.start.line);
}
