import type { SourceText } from '../text/source.js';
import { roleOfTerm } from './terms.js';
import type { DefinedTerm, Party, Span } from './types.js';

const CONTROLLER_HINT = /Verantwortlich\p{L}*|Auftraggeber\p{L}*|(?<!\p{L})Kund(?:e|in)(?!\p{L})|(?<!\p{L})controller(?!\p{L})/iu;
const PROCESSOR_HINT = /Auftragsverarbeiter\p{L}*|Auftragnehmer\p{L}*|Dienstleister\p{L}*|(?<!\p{L})processor(?!\p{L})/iu;
const PARTY_LIKE = /(?<!\p{L})(?:GmbH|AG|SE|KG|OHG|GbR|UG|eG|e\.\s?V\.|e\.\s?K\.|Dr\.|Praxis|Kanzlei|Stadt|Gemeinde|Landkreis)(?!\p{L})|\b\d{5}\s+\p{Lu}/u;

/**
 * Roles of party terms the role words do not give ("Praxis", "Schule", "Agentur"): the words next to the
 * definition in the rubrum ("… (nachfolgend „Praxis“) – als Verantwortliche –"), else, when the other party's
 * role is known, the other role. A term is only assigned when its definition reads like a party (legal form,
 * postcode, "Praxis") and exactly one kind of role word stands next to it; otherwise it keeps no role.
 */
export function inferRubrumRoles(scan: string, preamble: Span | undefined, terms: DefinedTerm[]): void {
  if (!preamble) return;
  const defs = terms
    .map((t) => ({ t, d: t.definitions.find((d) => d.start >= preamble.start && d.end <= preamble.end) }))
    .filter((x): x is { t: DefinedTerm; d: Span } => x.d !== undefined)
    .sort((a, b) => a.d.start - b.d.start);
  const parties: { t: DefinedTerm; window: string }[] = [];
  defs.forEach(({ t, d }, i) => {
    const from = i > 0 ? defs[i - 1]!.d.end : preamble.start;
    const to = Math.min(defs[i + 1]?.d.start ?? preamble.end, d.end + 60, preamble.end);
    const window = scan.slice(from, to);
    if (PARTY_LIKE.test(window)) parties.push({ t, window: window.replace(t.term, '') });
  });
  for (const { t, window } of parties) {
    if (t.role) continue;
    const controller = CONTROLLER_HINT.test(window);
    const processor = PROCESSOR_HINT.test(window);
    if (controller !== processor) t.role = controller ? 'controller' : 'processor';
  }
  const open = parties.filter((x) => !x.t.role);
  const known = new Set(parties.filter((x) => x.t.role).map((x) => x.t.role));
  if (open.length === 1 && known.size === 1) open[0]!.t.role = known.has('controller') ? 'processor' : 'controller';
}

/**
 * The parties from the rubrum ("zwischen … – nachfolgend „Auftraggeber“ – und … – nachfolgend
 * „Auftragnehmer“ –"): the lines before a role definition, back to the previous separator, name
 * the party; the first line (up to a comma) is its name, "vertreten durch" its representative.
 */
export function rubrumParties(source: SourceText, scan: string, preamble: Span | undefined, terms: DefinedTerm[]): Party[] {
  if (!preamble) return [];
  const parties: Party[] = [];
  const roleDefs = terms.flatMap((t) =>
    t.definitions
      .filter((d) => d.start >= preamble.start && d.end <= preamble.end)
      .map((d) => ({ def: d, term: t, role: t.role ?? [t.term, ...t.aliases].map(roleOfTerm).find((r) => r) })),
  ).filter((x) => x.role).sort((a, b) => a.def.start - b.def.start);
  if (roleDefs.length === 0) return [];

  let cursor = preamble.start;
  const used = new Set<DefinedTerm>();
  for (const { def, term, role } of roleDefs) {
    if (used.has(term)) continue;
    // the definition's own line may start with the party ("Muster GmbH, Berlin (nachfolgend …)")
    const markerStart = lastDefinitionIntro(scan, cursor, def.start);
    const segment = scan.slice(cursor, markerStart);
    const lines: { text: string; offset: number }[] = [];
    for (const m of segment.matchAll(/[^\r\n]*(?:\r\n|\r|\n|$)/g)) {
      if (m[0] === '' && m.index! >= segment.length) break;
      lines.push({ text: m[0].replace(/[\r\n]+$/, ''), offset: cursor + m.index! });
    }
    // the party starts after the last "zwischen"/"und" line before its definition
    const lastSeparator = lines.map((l) => isSeparator(l.text)).lastIndexOf(true);
    // "zwischen Bäckerei Sonnenkorn GmbH, …" on one line: the party starts on the separator's line
    const inlineStart = lines.map((l) => /^\s*(?:zwischen|und|sowie)\s+\S/i.test(l.text) && !isSeparator(l.text)).lastIndexOf(true);
    const first = Math.max(lastSeparator + 1, inlineStart);
    const content = lines.slice(first).filter((l) => l.text.trim() && !isSeparator(l.text));
    // continue after the definition's closing quote and dash: "„Auftraggeber“ – und …"
    cursor = def.end + (/^[“”"«»‘’)\s–—-]*/u.exec(scan.slice(def.end))?.[0].length ?? 0);
    if (content.length === 0) continue;
    used.add(term);
    const firstLine = content[0]!;
    const stripped = firstLine.text.replace(/^\s*(?:zwischen|und|sowie)\s+(?:der|dem|den|die)?\s*/i, '').replace(/^\s*[-–—]\s*/, '');
    const nameText = stripped.split(/,|\s+vertreten\s+durch\s+/)[0]!.trim().replace(/[,;]$/, '');
    if (!nameText) continue;
    const nameStart = firstLine.offset + firstLine.text.indexOf(nameText);
    const joined = content.map((l) => l.text.trim()).join(', ').replace(/\s*[-–—(]\s*$/, '');
    const rest = joined.slice(joined.indexOf(nameText) + nameText.length).replace(/^[\s,]+/, '');
    const rep = /\s*,?\s*(?:(?:gesetzlich\s+)?vertreten\s+durch|Inhaber(?:in)?)\s*/i.exec(rest);
    const addressPart = rep ? rest.slice(0, rep.index) : rest;
    const represented = rep ? rest.slice(rep.index + rep[0].length) : undefined;
    const start = firstLine.offset + (firstLine.text.length - firstLine.text.trimStart().length);
    const last = content[content.length - 1]!;
    const end = last.offset + last.text.trimEnd().length;
    const party: Party = {
      role: role!,
      name: nameText,
      terms: [term.term, ...term.aliases],
      source: 'rubrum',
      start,
      end,
      range: source.range(start, end),
      nameSpan: { start: nameStart, end: nameStart + nameText.length, range: source.range(nameStart, nameStart + nameText.length) },
    };
    // "Inhaber Bernd Kettler, Lindenplatz 2, …": the owner comes first, the address after him
    let address = addressPart?.replace(/[\s,;–—-]+$/, '').trim();
    let representedBy = represented;
    if (rep && rep.index === 0 && represented && /\d/.test(represented)) {
      const [person, ...addr] = represented.split(/\s*,\s*/);
      representedBy = person;
      address = addr.join(', ');
    }
    if (address) party.address = address;
    if (representedBy) party.representedBy = representedBy.replace(/[\s,;–—(-]+$/, '').trim();
    const form = /\b(GmbH\s*&\s*Co\.\s*KG|gGmbH|GmbH|e\.\s?K\.|UG\s*\(haftungsbeschränkt\)|AG|SE|KGaA|KG|OHG|GbR|e\.\s?V\.|eG|mbH|Ltd\.?|Inc\.?|LLC|S\.A\.|B\.V\.|PartG(?:\s*mbB)?)(?![\p{L}])/u.exec(nameText);
    if (form) party.legalForm = form[1]!;
    parties.push(party);
  }
  return parties;
}

function lastDefinitionIntro(scan: string, from: number, defStart: number): number {
  const window = scan.slice(from, defStart);
  const m = /[-–—(]?\s*(?:nachfolgend|im\s+Folgenden|nachstehend|hiernach|fortan)[^\n]*$|\(\s*[„"»]?$/u.exec(window);
  return m ? from + m.index : defStart;
}

function isSeparator(line: string): boolean {
  return /^\s*(?:(?:zwischen|und|sowie)(?:\s+(?:der|dem|den|die|das))?|[-–—]+|gemeinsam\s+.*|jeweils\s+.*|[-–—(]?\s*nachfolgend.*)\s*$/i.test(line) ||
    /^\s*(?:Vertrag|Vereinbarung|Auftragsverarbeitungsvertrag)\b/i.test(line) && !/\b(GmbH|AG|KG|e\.\s?V\.)\b/.test(line);
}

export function isPlaceholderOnly(text: string): boolean {
  return /^\s*(?:\[[^\]]*\]|_{3,}|\{\{[^}]*\}\}|X{2,}|…|\.{3,})\s*$/.test(text);
}
