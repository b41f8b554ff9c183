import type { RawReference } from '../parse/legalRefs.js';
import { numberValue } from '../parse/numbering.js';
import type { SourceText } from '../text/source.js';
import { deepestSectionAt } from './annexes.js';
import type { Clause, CrossReference, Item, NumberingStyle, Section } from './types.js';

/** Resolves cross references to their targets: § 5 Abs. 3 lit. b → the item b) in (3) of § 5. */
export function resolveReferences(source: SourceText, raw: RawReference[], main: Section[], annexes: Section[], all: Section[]): CrossReference[] {
  return raw.map((r) => {
    const text = source.text.slice(r.start, r.end);
    const from = [...main, ...annexes].map((s) => deepestSectionAt(s, r.start)).find((s) => s);
    const style: CrossReference['address']['style'] = r.kind === 'relative' ? 'relative' : styleOf(r.kind);
    const address: CrossReference['address'] = { style };
    if (r.section !== undefined) address.section = r.section;
    if (r.clause !== undefined) address.clause = r.clause;
    if (r.item !== undefined) address.item = r.item;
    if (r.nr !== undefined) address.nr = r.nr;
    if (r.sentence !== undefined) address.sentence = r.sentence;
    const ref: CrossReference = { text, address, resolution: 'none', start: r.start, end: r.end, range: source.range(r.start, r.end) };
    if (from) ref.from = from;
    if (r.external) {
      ref.external = r.external;
      return ref;
    }
    let section: Section | undefined;
    if (r.kind === 'relative' || r.kind === 'nr') {
      section = from && (from.clauses.length || r.kind === 'nr' ? from : ancestors(from).find((s) => s.clauses.length));
    } else if (r.kind === 'annex') {
      section = annexes.find((a) => sameNumber(a.number, r.section!));
    } else {
      section = findSection(r, main, all);
    }
    if (!section) return ref;
    ref.target = section;
    ref.resolution = 'full';
    const fail = () => { ref.resolution = 'partial'; return ref; };
    let clause: Clause | undefined;
    // "Ziffer 3.2" in a contract numbered § 3 (2): the Absatz 2 of § 3
    if (r.kind === 'ziffer' && r.clause === undefined && section.style === 'paragraph' && r.section === `${section.number}.${r.section!.split('.')[1]}` &&
        r.section!.split('.').length === 2 && (clause = section.clauses.find((c) => c.number === r.section!.split('.')[1]))) {
      ref.target = clause;
    }
    if (r.clause !== undefined) {
      clause = section.clauses.find((c) => c.number === r.clause);
      if (!clause) return fail();
      ref.target = clause;
    }
    if (r.nr !== undefined) {
      // "Nr. 3": a numbered item of the Absatz, or a numbered list point (written "3.") of the section
      const item: Item | undefined = (clause ?? section).items.find((i) => i.kind === 'number' && i.number === r.nr);
      if (item) {
        ref.target = item;
      } else if (!clause && (clause = section.clauses.find((c) => c.number === r.nr))) {
        ref.target = clause;
      } else {
        return fail();
      }
    }
    if (r.item !== undefined) {
      const point = ref.target && 'checked' in ref.target ? ref.target : undefined;
      const pool = point ? point.items : clause ? clause.items : [...section.items, ...section.clauses.flatMap((c) => c.items)];
      const item = pool.find((i) => i.kind === 'letter' && i.number === r.item);
      if (!item) return fail();
      ref.target = item;
    }
    return ref;
  });
}

function styleOf(kind: RawReference['kind']): NumberingStyle {
  switch (kind) {
    case 'paragraph': return 'paragraph';
    case 'annex': return 'annex';
    case 'artikel': return 'artikel';
    case 'klausel': return 'klausel';
    default: return 'ziffer';
  }
}

function findSection(r: RawReference, main: Section[], all: Section[]): Section | undefined {
  const wanted = r.section!;
  const mainSections = all.filter((s) => s.kind === 'section');
  switch (r.kind) {
    case 'paragraph':
      return mainSections.find((s) => s.style === 'paragraph' && s.number === wanted);
    case 'artikel':
      return mainSections.find((s) => s.style === 'artikel' && s.number === wanted);
    case 'klausel':
      return mainSections.find((s) => s.style === 'klausel' && s.number === wanted);
    default: {
      // "Ziffer 7", "Nr. 3", "Punkt 4.2": any numbered outline of the main part; the top level first
      const numbered = mainSections.filter((s) => s.style === 'ziffer' || s.style === 'decimal' || s.style === 'paragraph' || s.style === 'klausel');
      const byParts = (s: Section) => s.parts.join('.') === wanted.split('.').map((p) => String(numberValue(p) ?? p)).join('.');
      return numbered.find((s) => s.number === wanted) ?? numbered.find(byParts) ?? outlinePath(main, wanted) ?? clauseLevel(main, wanted);
    }
  }
}

/** "Ziffer III.2": section III., its subsection 2. */
function outlinePath(main: Section[], wanted: string): Section | undefined {
  let level: Section[] = main;
  let found: Section | undefined;
  for (const part of wanted.split('.')) {
    found = level.find((s) => sameNumber(s.number, part));
    if (!found) return undefined;
    level = found.children;
  }
  return found;
}

/** "Ziffer 3.2" in a contract numbered § 3 (2) … is Abs. 2 of § 3; returned as its section. */
function clauseLevel(main: Section[], wanted: string): Section | undefined {
  const [top] = wanted.split('.');
  return main.find((s) => s.number === top && wanted.split('.').length > 1 && s.clauses.some((c) => `${s.number}.${c.number}` === wanted));
}

function ancestors(s: Section): Section[] {
  const out: Section[] = [];
  for (let p = s.parent; p; p = p.parent) out.push(p);
  return out;
}

function sameNumber(a: string, b: string): boolean {
  if (a === b) return true;
  // "Anlage A" is not "Anlage 1" and "Anlage B" is not "Anhang II": a letter (other than the Roman I, V, X)
  // only equals the same letter; Arabic and Roman numbers compare by value ("Anlage 1" = "Anhang I")
  const letter = (t: string) => /^[A-Za-z]$/.test(t) && !/^[IVXivx]$/.test(t);
  if (letter(a) || letter(b)) return a.toUpperCase() === b.toUpperCase();
  const va = numberValue(a);
  const vb = numberValue(b);
  return va !== undefined && va === vb;
}
