import type { Clause, Item, Section } from './types.js';

/** How a lawyer cites a part of the contract: "§ 7 Abs. 2 lit. b", "Ziffer 4.2", "Anlage 1, II.". */
export function citeLabel(target: Section | Clause | Item): string {
  if ('kind' in target && (target.kind === 'section' || target.kind === 'annex')) return sectionLabel(target);
  if ('items' in target && 'marker' in target && !('checked' in target)) {
    // a numbered list point inside a decimal clause is cited "Nr.", an Absatz "Abs."
    const numbered = target.marker.endsWith('.') && target.section.style !== 'paragraph' && target.section.style !== 'artikel';
    return `${sectionLabel(target.section)} ${numbered ? 'Nr.' : 'Abs.'} ${target.number}`;
  }
  const item = target as Item;
  const base = item.parentItem ? citeLabel(item.parentItem) : item.clause ? citeLabel(item.clause) : sectionLabel(item.section);
  if (item.kind === 'letter') return `${base} lit. ${item.number}`;
  if (item.kind === 'number') return `${base} Nr. ${item.number}`;
  return base;
}

export function sectionLabel(s: Section): string {
  const own = s.label || s.title;
  if (s.parent && s.parent.kind === 'section' && (s.parent.style === 'roman' || s.parent.style === 'alpha') && s.style === 'decimal' && s.parts.length === 1) {
    return `${s.parent.label} ${own}`; // "I. 2." – cited "Ziffer I.2"
  }
  if (s.parent && (s.style === 'roman' || s.style === 'alpha' || s.style === 'none' || s.parent.kind === 'annex')) {
    return `${sectionLabel(s.parent)}, ${own}`;
  }
  return own;
}
