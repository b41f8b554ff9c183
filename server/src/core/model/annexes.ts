import type { ColumnRole, Item, Section, Subprocessor, Table, TomEntry } from './types.js';

/** What annexes hold: the TOM annex with its categories and measures, the sub-processor table. */

/** Titles of a TOM annex or section (shared with the TOM completion). */
export const TOM_TITLE = /technisch\w*\s+und\s+organisatorisch\w*|\bTOMs?\b|Datensicherheitsma(?:ß|ss)nahmen|Sicherheitsma(?:ß|ss)nahmen|Schutzma(?:ß|ss)nahmen|Sicherheitskonzept\w*|Art\.\s*32\b|§\s*9\s*(?:S(?:atz|\.)\s*1\s*)?BDSG/iu;
const SUB_TITLE = /Unterauftrag\w*|Subunternehmer\w*|Sub-?Dienstleister\w*|weitere\w*\s+Auftragsverarbeiter\w*|Unterbeauftragt\w*/iu;
const DESCRIPTION_TITLE = /Beschreibung\s+der\s+Verarbeitung|Konkretisierung|Gegenstand|Art\s+und\s+Zweck|Leistungsbeschreibung|Datenkategorien|Kategorien/iu;
const PARTIES_TITLE = /Liste\s+der\s+Parteien|Parteien|Vertragsparteien/iu;

export function classifyAnnex(annex: Section): NonNullable<Section['annexKind']> {
  const title = annex.title;
  if (TOM_TITLE.test(title)) return 'tom';
  if (SUB_TITLE.test(title)) return 'subprocessors';
  if (PARTIES_TITLE.test(title)) return 'parties';
  if (DESCRIPTION_TITLE.test(title)) return 'description';
  return 'other';
}

const COLUMN_SYNONYMS: [ColumnRole, RegExp][] = [
  ['location', /Verarbeitungsort|Ort\s+der\s+(?:Daten)?verarbeitung|Standort|Serverstandort|Rechenzentrum|Land\s+der\s+Verarbeitung|Speicherort|Verarbeitungsland/iu],
  ['service', /Leistung|Tätigkeit|Gegenstand|Beschreibung|Zweck|Auftragsinhalt|Art\s+der/iu],
  ['address', /Anschrift|Adresse|Sitz|Land|Niederlassung/iu],
  ['name', /Name|Firma|Unterauftrag\w*|Subunternehmer|Dienstleister|Anbieter|Unternehmen|Auftragsverarbeiter|Rechtsträger/iu],
];

/** Each header gets the role whose synonym appears first in it ("Unterauftragnehmer (Name, Sitz)" → name). */
export function columnRoles(table: Table): ColumnRole[] {
  const used = new Set<ColumnRole>();
  return table.header.map((cell) => {
    let best: { role: ColumnRole; at: number } | undefined;
    for (const [role, re] of COLUMN_SYNONYMS) {
      if (used.has(role)) continue;
      const m = re.exec(cell.text);
      if (m && (!best || m.index < best.at)) best = { role, at: m.index };
    }
    if (!best) return 'other';
    used.add(best.role);
    return best.role;
  });
}

/** A table is a sub-processor list when it has a name column and one more known column, or stands in that annex. */
export function subprocessorEntries(table: Table, inSubprocessorAnnex: boolean): Subprocessor[] {
  const roles = table.columns;
  const known = roles.filter((r) => r !== 'other').length;
  if (!(roles.includes('name') && known >= 2) && !(inSubprocessorAnnex && known >= 1)) return [];
  const nameIndex = roles.includes('name') ? roles.indexOf('name') : 0;
  return table.rows
    .filter((row) => row.some((c) => c.text.trim() !== ''))
    .map((row) => {
      const s: Subprocessor = { table, start: row[0]!.start, end: row[row.length - 1]!.end, range: { start: row[0]!.range.start, end: row[row.length - 1]!.range.end } };
      roles.forEach((role, i) => {
        const cell = row[i];
        if (!cell || role === 'other' || role === 'name') return;
        s[role] = cell;
      });
      if (row[nameIndex]) s.name = row[nameIndex];
      return s;
    });
}

/** Measures in the TOM annex: list items and table rows, each under its category heading. */
export function tomEntries(annex: Section, tables: Table[]): TomEntry[] {
  const out: TomEntry[] = [];
  const visit = (s: Section) => {
    const flat = (list: Item[]): Item[] => list.flatMap((i) => [i, ...flat(i.items)]);
    const items = flat([...s.items, ...s.clauses.flatMap((c) => c.items)]);
    for (const it of items) {
      if (!it.text || /^\[[ xX]?\]$/.test(it.text)) continue; // an empty task box is no measure
      out.push({ text: it.text, category: s, checked: it.checked, start: it.start, end: it.end, range: it.range });
    }
    for (const c of s.children) visit(c);
  };
  visit(annex);
  for (const t of tables) {
    if (t.start < annex.start || t.start > annex.end) continue;
    const category = deepestSectionAt(annex, t.start);
    for (const row of t.rows) {
      const first = row.find((c) => c.text.trim());
      if (!first) continue;
      const entry: TomEntry = { text: first.text, checked: null, start: first.start, end: first.end, range: first.range };
      if (category) entry.category = category;
      out.push(entry);
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

export function deepestSectionAt(root: Section, offset: number): Section | undefined {
  if (offset < root.start || offset > root.end) return undefined;
  for (const c of root.children) {
    const d = deepestSectionAt(c, offset);
    if (d) return d;
  }
  return root;
}
