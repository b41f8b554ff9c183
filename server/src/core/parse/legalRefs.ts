/**
 * Norm citations (Art. 28 Abs. 3 UAbs. 1 S. 2 lit. a DSGVO, § 64 Abs. 3 BDSG, Art. 32–36, Art. 44 ff.)
 * and cross references to the contract itself (§ 5 Abs. 3, Ziffer 7, Anlage 2, Abs. 2), found in one
 * pass over masked text. Citations are matched first; what they consume is no cross reference.
 */

export interface LawAlias {
  /** Canonical id: "DSGVO", "BDSG", "BDSG-alt", "BGB". */
  id: string;
  alias: string;
}

export interface RawCitation {
  start: number;
  end: number;
  unit: 'Art.' | '§' | 'ErwG' | 'act';
  law?: string;
  lawStart?: number;
  lawEnd?: number;
  article?: string;
  articleTo?: string;
  ff?: boolean;
  more?: string[];
  paragraph?: string;
  subparagraph?: string;
  sentence?: string;
  halfSentence?: string;
  letter?: string;
  number?: string;
  /** "Art." written as "Artikel": a cross reference in contracts numbered "Artikel 1, 2 …". */
  spelledArtikel?: boolean;
  /** Joined to the next citation by "i. V. m." (its law applies to this one too). */
  joinedToNext?: boolean;
}

export interface RawReference {
  start: number;
  end: number;
  kind: 'paragraph' | 'ziffer' | 'annex' | 'artikel' | 'klausel' | 'relative' | 'nr';
  section?: string;
  clause?: string;
  /** "Nr. 3": a numbered point (a numbered list item or an item "3)"). */
  nr?: string;
  item?: string;
  sentence?: string;
  external?: string;
}

const N = String.raw`(\d{1,3}[a-z]?)`;
const WS = String.raw`[ \t\r\n]*`;
const WS1 = String.raw`[ \t\r\n]+`;

const SUB_PARTS: { re: RegExp; key: 'paragraph' | 'subparagraph' | 'sentence' | 'halfSentence' | 'letter' | 'number' }[] = [
  { re: new RegExp(String.raw`^${WS}(?:UAbs\.|Unterabs\.|Unterabsatz|UA)${WS}(\d{1,2})(?![\d])`), key: 'subparagraph' },
  { re: new RegExp(String.raw`^${WS}(?:Abs\.|Absatz|Abs(?=\s))${WS}(\d{1,2}|[IVX]{1,4})(?![\d\p{L}])`, 'u'), key: 'paragraph' },
  { re: new RegExp(String.raw`^${WS}(?:S\.|Satz)${WS}(\d{1,2})(?![\d])`), key: 'sentence' },
  { re: new RegExp(String.raw`^${WS}(?:Hs\.|HS\.?|Halbs\.|Halbsatz)${WS}(\d)(?![\d])`), key: 'halfSentence' },
  { re: new RegExp(String.raw`^${WS}(?:lit\.|Buchst\.|Buchstabe)${WS}([a-z])(?![\p{L}\d])\)?`, 'u'), key: 'letter' },
  { re: new RegExp(String.raw`^${WS}(?:Nr\.|Nummer|Ziff\.)${WS}(\d{1,2})(?![\d])`), key: 'number' },
];

const ANCHOR = /(?<![\p{L}\d])(Artt?\.|Artikel|§§?|Erwägungsgr(?:und|ünde)|ErwG\.?|ErwGr\.)[ \t\r\n]*(?=\d)/gu;
const EU_ACT = /(?<![\p{L}\d])(?:(?:Durchführungs)?(?:beschluss|Beschluss)(?:es|s)?|Entscheidung|Richtlinie|Verordnung)(?:[ \t]+der[ \t]+Kommission)?[ \t]*(?:\((?:EU|EG|EWG)\)[ \t]*)?(?:Nr\.[ \t]*)?(\d{2,4}\/\d{1,4}(?:\/(?:EU|EG|EWG))?)/gu;
const BARE_ACT = /(?<![\p{L}\d/])((?:19|20)\d{2}\/\d{1,4}\/(?:EU|EG|EWG))(?![\d\p{L}])/gu;

export class LegalRefParser {
  private readonly lawRe: RegExp;
  private readonly aliasToId = new Map<string, string>();

  /**
   * @param laws law aliases, e.g. { id: "DSGVO", alias: "DS-GVO" }
   * @param usesArtikel the contract numbers its own sections "Artikel 1, 2 …"
   */
  constructor(laws: LawAlias[], private readonly usesArtikel = false) {
    const aliases = [...laws].sort((a, b) => b.alias.length - a.alias.length);
    for (const l of aliases) this.aliasToId.set(normalizeAlias(l.alias), l.id);
    const alt = aliases.map((l) => aliasPattern(l.alias)).join('|');
    this.lawRe = new RegExp(String.raw`^${WS}(?:(?:der|des|im|in|nach|gem\.)${WS1})?(?:(?:EU|europäischen)${WS1})?(${alt})(?:(?<=\p{L}{6})e?s)?(?![\p{L}\d-])`, 'iu');
  }

  parse(text: string, offset: number): { citations: RawCitation[]; references: RawReference[] } {
    const citations: RawCitation[] = [];
    const taken: [number, number][] = [];
    ANCHOR.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = ANCHOR.exec(text))) {
      const c = this.parseCitation(text, m.index, m[1]!, m[0].length);
      if (!c) continue;
      ANCHOR.lastIndex = Math.max(ANCHOR.lastIndex, c.end);
      if (c.spelledArtikel && !c.law && this.usesArtikel) continue;
      citations.push(c);
    }
    for (const re of [EU_ACT, BARE_ACT]) {
      re.lastIndex = 0;
      while ((m = re.exec(text))) {
        if (overlaps(citations.map((c) => [c.start, c.end]), m.index, m.index + m[0].length)) continue;
        citations.push({ start: m.index, end: m.index + m[0].length, unit: 'act', law: m[1]!.replace(/\/(EU|EG|EWG)$/, '') });
        taken.push([m.index, m.index + m[0].length]);
      }
    }
    citations.sort((a, b) => a.start - b.start);
    // "Art. 28 Abs. 3 lit. c i. V. m. Art. 32 DSGVO": the law at the end governs the chain
    for (let i = citations.length - 2; i >= 0; i--) {
      const c = citations[i]!;
      const next = citations[i + 1]!;
      if (!c.law && next.law && c.unit === next.unit) {
        const between = text.slice(c.end, next.start);
        if (/^[ \t\r\n]*(?:i\.[ \t]?V\.[ \t]?m\.|iVm|in Verbindung mit|,|und|oder|sowie|bzw\.|bis)[ \t\r\n]*$/.test(between)) {
          c.law = next.law;
          c.joinedToNext = true;
        }
      }
    }
    // a "§ 5" that names no law (directly or through its chain) is a section of this contract
    const kept = citations.filter((c) => !(c.unit === '§' && !c.law));
    citations.length = 0;
    citations.push(...kept);
    for (const c of citations) taken.push([c.start, c.end]);
    const references = this.parseReferences(text, taken);
    for (const c of citations) shift(c, offset);
    for (const r of references) shift(r, offset);
    return { citations, references };
  }

  private parseCitation(text: string, start: number, anchor: string, anchorLength: number): RawCitation | undefined {
    const unit: RawCitation['unit'] = anchor.startsWith('§') ? '§' : anchor.startsWith('Art') ? 'Art.' : 'ErwG';
    let pos = start + anchorLength;
    const num = new RegExp(`^${N}`).exec(text.slice(pos));
    if (!num) return undefined;
    const c: RawCitation = { start, end: pos + num[0].length, unit, article: num[1]! };
    if (anchor === 'Artikel') c.spelledArtikel = true;
    pos = c.end;
    // range, "ff.", lists
    let rest = text.slice(pos);
    const range = new RegExp(String.raw`^[ \t]*(?:[-–—]|bis)[ \t]*(?:(?:Art\.|§)[ \t]*)?${N}`).exec(rest);
    if (range) {
      c.articleTo = range[1]!;
      pos += range[0].length;
    } else {
      const ff = /^[ \t]*ff?\.(?!\p{L})/u.exec(rest);
      if (ff) {
        c.ff = true;
        pos += ff[0].length;
      }
    }
    rest = text.slice(pos);
    const list = new RegExp(String.raw`^(?:[ \t]*(?:,|und|oder|sowie|u\.)[ \t]*(?:(?:Art\.|§)[ \t]*)?${N}(?![\d]))+`).exec(rest);
    if (list && !c.articleTo) {
      c.more = [...list[0].matchAll(new RegExp(N, 'g'))].map((x) => x[1]!);
      pos += list[0].length;
    }
    c.end = pos;
    for (;;) {
      const r = text.slice(pos);
      const part = SUB_PARTS.map((p) => ({ p, m: p.re.exec(r) })).find((x) => x.m);
      if (!part || c[part.p.key] !== undefined) break;
      c[part.p.key] = part.m![1]!;
      pos += part.m![0].length;
      c.end = pos;
      const rangeAfter = new RegExp(String.raw`^(?:[ \t]*(?:[-–—]|bis|,|und|oder)[ \t]*(\d{1,2}|[a-z])(?![\p{L}\d.]))+`, 'u').exec(text.slice(pos));
      if (rangeAfter) { pos += rangeAfter[0].length; c.end = pos; }
    }
    const ffAfter = /^[ \t]*ff?\.(?!\p{L})/u.exec(text.slice(pos));
    if (ffAfter && !c.ff && !c.articleTo) { c.ff = true; pos += ffAfter[0].length; c.end = pos; }
    if (unit !== 'ErwG') {
      const law = this.lawRe.exec(text.slice(pos));
      const unknown = law ? null : UNKNOWN_LAW.exec(text.slice(pos));
      if (unknown && !EXTERNAL.test(text.slice(pos)) && !SELF_OR_ROLE.test(unknown[1]!)) {
        // a law we do not know by name is still a law: not DSGVO, not this contract
        c.law = unknown[1]!;
        c.lawEnd = pos + unknown[0].length;
        c.lawStart = c.lawEnd - unknown[1]!.length;
        c.end = c.lawEnd;
      } else if (law) {
        const id = this.aliasToId.get(normalizeAlias(law[1]!)) ?? law[1]!;
        c.law = id;
        c.lawEnd = pos + law[0].length;
        c.lawStart = c.lawEnd - law[1]!.length;
        c.end = c.lawEnd;
        // "§ 11 BDSG a.F." and friends: the alias list carries the suffixes
      }
    } else {
      c.law = 'ErwG';
    }
    return c;
  }

  private parseReferences(text: string, taken: [number, number][]): RawReference[] {
    const refs: RawReference[] = [];
    const anchors = /(?<![\p{L}\d-])(§§?|Ziffern?|Ziff\.|Punkt|Abschnitt|Klausel|Anlagen?|Anhänge|Anhang|Artikel|Absatz|Absätze|Abs\.|Nr\.)(?=[ \t\r\n]*(?:\d|[IVX]+(?![\p{L}])|[A-H](?![\p{L}\d])))/gu;
    let m: RegExpExecArray | null;
    while ((m = anchors.exec(text))) {
      if (overlaps(taken, m.index, m.index + 1)) continue;
      const word = m[1]!;
      const after = m.index + word.length;
      const kind: RawReference['kind'] =
        word.startsWith('§') ? 'paragraph'
        : word.startsWith('Anl') || word.startsWith('Anh') ? 'annex'
        : word === 'Artikel' ? 'artikel'
        : word === 'Klausel' ? 'klausel'
        : word === 'Abs.' || word.startsWith('Absatz') || word === 'Absätze' ? 'relative'
        : word === 'Nr.' ? 'nr'
        : 'ziffer';
      if (kind === 'artikel' && !this.usesArtikel) continue;
      const numRe = kind === 'annex' ? /^[ \t\r\n]*(\d{1,2}[a-z]?|[IVX]{1,5}|[A-H])(?![\p{L}\d])/u
        : kind === 'relative' ? /^[ \t\r\n]*(\d{1,2})(?![\d])/
        : /^[ \t\r\n]*((?:\d{1,3}[a-z]?|[IVX]{1,5}(?=\.\d))(?:\.\d{1,3})*)(?![\d])/;
      const num = numRe.exec(text.slice(after));
      if (!num) continue;
      let pos = after + num[0].length;
      const ref: RawReference = { start: m.index, end: pos, kind };
      if (kind === 'relative') ref.clause = num[1]!;
      else ref.section = num[1]!.replace(/\.$/, '');
      // sub-addresses
      for (;;) {
        const r = text.slice(pos);
        const abs = kind !== 'relative' && !ref.clause ? /^[ \t\r\n]*(?:Abs\.|Absatz)[ \t\r\n]*(\d{1,2})(?![\d])/.exec(r) : null;
        if (abs) { ref.clause = abs[1]!; pos += abs[0].length; continue; }
        const sentence = !ref.sentence ? /^[ \t\r\n]*(?:S\.|Satz)[ \t\r\n]*(\d{1,2})(?![\d])/.exec(r) : null;
        if (sentence) { ref.sentence = sentence[1]!; pos += sentence[0].length; continue; }
        const nr = !ref.nr && !ref.item ? /^[ \t\r\n]*(?:Nr\.|Nummer)[ \t\r\n]*(\d{1,2})(?![\d])/.exec(r) : null;
        if (nr) { ref.nr = nr[1]!; pos += nr[0].length; continue; }
        const item = !ref.item ? /^[ \t\r\n]*(?:lit\.|Buchst\.|Buchstabe)[ \t\r\n]*([a-z])(?![\p{L}\d])\)?/u.exec(r) : null;
        if (item) { ref.item = item[1]!; pos += item[0].length; continue; }
        break;
      }
      if (kind === 'nr') {
        // "Nr. 3 lit. b": a numbered point; "Nr. 3" alone is too ambiguous to resolve
        if (!ref.item) continue;
        ref.nr = ref.section!;
        delete ref.section;
      }
      ref.end = pos;
      // "§§ 5, 6" / "Anlagen 1 und 2": the further numbers are references too
      const plural = word === '§§' || word === 'Anlagen' || word === 'Ziffern' || word === 'Anhänge';
      const list = plural ? /^(?:[ \t]*(?:,|und|oder|sowie|bis)[ \t]*(\d{1,2}[a-z]?|[IVX]{1,5}))+/u.exec(text.slice(pos)) : null;
      const listEnd = pos + (list?.[0].length ?? 0);
      // an external document named after the reference (or after the whole list) owns all of it
      const ext = externalTarget(text.slice(listEnd, listEnd + 80));
      if (ext) {
        ref.external = ext.name;
        if (!list) ref.end = pos + ext.length;
      }
      if (overlaps(taken, ref.start, ref.end)) continue;
      refs.push(ref);
      taken.push([ref.start, ref.end]);
      anchors.lastIndex = Math.max(ref.end, listEnd);
      if (list) {
        const re = /(\d{1,2}[a-z]?|[IVX]{1,5})/gu;
        let x: RegExpExecArray | null;
        while ((x = re.exec(list[0]))) {
          const s = pos + x.index;
          const extra: RawReference = { start: s, end: s + x[1]!.length, kind, section: x[1]! };
          if (ref.external) extra.external = ref.external;
          refs.push(extra);
        }
      }
    }
    return refs;
  }
}

/** A law abbreviation we do not know: "BetrVG", "UStG", "GG", "SGB V" (two capitals, or ending in G). */
const UNKNOWN_LAW = /^[ \t]*(?:(?:des|der)[ \t]+)?((?:[A-ZÄÖÜ][a-zäöü]*){1,3}(?:[A-Z]{1,2}[a-z]?|G)(?:[ \t]+[IVX]{1,4}(?![\p{L}]))?)(?![\p{L}\d-])/u;

/** Abbreviations that look like a law but name this contract, its annexes or the parties ("§ 5 AVV", "§ 3 AG"). */
const SELF_OR_ROLE = /^(?:AVV|ADV|AV|AVA|DPA|AG|AN|TOMs?|VV)$/;

const EXTERNAL = /^[ \t\r\n]*(?:(?:des|der|dem|den|im|in[ \t]+der|aus[ \t]+dem|aus[ \t]+der|zum|zur|unseres|unserer|ihres|ihrer)[ \t\r\n]+)?(?:(?:jeweils|jeweiligen|zugrunde[ \t]?liegenden|geltenden|gültigen|aktuellen)[ \t\r\n]+){0,2}((?!Auftragsverarbeitungs|AV-|ADV-)\p{Lu}[\p{L}-]*(?:vertrag(?:e?s)?|vereinbarung(?:en)?|bedingungen|beschreibung(?:en)?|erklärung(?:en)?)|Hauptvertrag(?:e?s)?|Rahmenvertrag(?:e?s)?|Leistungsvertrag(?:e?s)?|Dienstleistungsvertrag(?:e?s)?|Servicevertrag(?:e?s)?|Lizenzvertrag(?:e?s)?|Kooperationsvertrag(?:e?s)?|Leistungsvereinbarung(?:en)?|Leistungsbeschreibung(?:en)?|Allgemeinen[ \t]+Geschäftsbedingungen|AGB|Datenschutzerklärung(?:en)?|Datenschutzhinweise[n]?|Nutzungsbedingungen|Service[ \t]+Level[ \t]+Agreements?|SLA|Angebot(?:e?s)?|Auftragsbestätigung|Bestellung|Standardvertragsklauseln|Lizenzbedingungen)(?![\p{L}])/u;

function externalTarget(after: string): { name: string; length: number } | undefined {
  const m = EXTERNAL.exec(after);
  return m ? { name: m[1]!.replace(/[ \t]+/g, ' '), length: m[0].length } : undefined;
}

function normalizeAlias(s: string): string {
  return s.toLowerCase().replace(/\s+/g, '');
}

/** "BDSG a.F." also matches "BDSG a. F." and "BDSG  a.F.". */
function aliasPattern(alias: string): string {
  return alias
    .replace(/\.\s*/g, '.')
    .split('')
    .map((c) => (c === '.' ? '\\.[ \\t]?' : c === ' ' ? '[ \\t]+' : c.replace(/[*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
}

function overlaps(taken: [number, number][], start: number, end: number): boolean {
  return taken.some(([s, e]) => start < e && end > s);
}

function shift<T extends { start: number; end: number; lawStart?: number; lawEnd?: number }>(x: T, offset: number): void {
  x.start += offset;
  x.end += offset;
  if (x.lawStart !== undefined) x.lawStart += offset;
  if (x.lawEnd !== undefined) x.lawEnd += offset;
}
