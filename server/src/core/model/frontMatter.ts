import { isMap, isPair, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import type { Block } from '../parse/markdown.js';
import type { SourceText } from '../text/source.js';
import type { FrontMatter, Party, Role, Span } from './types.js';

/**
 * YAML front matter: parties, defined terms, date/version, rule profile and settings.
 * German and English keys are both accepted (parteien/parties, begriffe/terms, regeln/rules).
 */

const ROLE_KEYS: Record<string, Role> = {
  auftraggeber: 'controller',
  verantwortlicher: 'controller',
  verantwortliche: 'controller',
  controller: 'controller',
  auftragnehmer: 'processor',
  auftragsverarbeiter: 'processor',
  processor: 'processor',
};

export function roleOfKey(key: string): Role | undefined {
  return ROLE_KEYS[key.toLowerCase()];
}

export function parseFrontMatter(source: SourceText, block: Block): FrontMatter {
  const text = source.text;
  // the body starts after the first line break of any kind (a file may use CR only)
  const firstBreak = /\r\n?|\n/gu;
  firstBreak.lastIndex = block.start;
  const opening = firstBreak.exec(text);
  const bodyStart = opening ? opening.index + opening[0].length : text.length;
  const raw = block.value ?? '';
  const span = (s: number, e: number): Span => ({ start: bodyStart + s, end: bodyStart + e, range: source.range(bodyStart + s, bodyStart + e) });
  // yaml's offsets may fall inside a CRLF or a surrogate pair; a range must not split either
  const splits = (o: number) => {
    const before = text.charCodeAt(o - 1);
    const at = text.charCodeAt(o);
    return (before === 13 && at === 10) || (before >= 0xd800 && before <= 0xdbff && at >= 0xdc00 && at <= 0xdfff);
  };
  const errorSpan = (s: number, e: number): Span => {
    const start = splits(bodyStart + s) ? s - 1 : s;
    const end = Math.max(e, s + 1);
    return span(start, splits(bodyStart + end) ? end + 1 : end);
  };
  // yaml does not take a lone CR for a line break; LF in its place keeps every offset
  const doc = parseDocument(raw.replace(/\r(?!\n)/gu, '\n'), { prettyErrors: false, uniqueKeys: true });
  const fm: FrontMatter = {
    start: block.start,
    end: block.end,
    range: source.range(block.start, block.end),
    errors: doc.errors.map((e) => ({ message: e.message.split('\n')[0]!, span: errorSpan(e.pos[0], e.pos[1]) })),
    keySpans: new Map(),
    valueSpans: new Map(),
    rules: {},
  };
  if (doc.errors.length > 0) return fm;
  const data = doc.toJS() as unknown;
  if (data && typeof data === 'object' && !Array.isArray(data)) fm.data = data as Record<string, unknown>;
  const walk = (node: YamlNode | null | undefined, path: string) => {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair) || !isScalar(pair.key)) continue;
        const key = String(pair.key.value);
        const p = path ? `${path}.${key}` : key;
        const kr = pair.key.range;
        if (kr) fm.keySpans.set(p, span(kr[0], kr[1]));
        const v = pair.value as YamlNode | null;
        if (isScalar(v) && v.range) fm.valueSpans.set(p, span(v.range[0], v.range[1]));
        walk(v, p);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        const it = item as YamlNode;
        if (isScalar(it) && it.range) fm.valueSpans.set(`${path}.${i}`, span(it.range[0], it.range[1]));
        walk(it, `${path}.${i}`);
      });
    }
  };
  walk(doc.contents as YamlNode, '');
  const rules = (fm.data?.['regeln'] ?? fm.data?.['rules']) as unknown;
  if (rules && typeof rules === 'object') {
    for (const [id, value] of Object.entries(rules as Record<string, unknown>)) {
      fm.rules[id] = value === false ? 'off' : String(value);
    }
  }
  const profile = fm.data?.['profil'] ?? fm.data?.['profile'];
  if (typeof profile === 'string') fm.profile = profile;
  return fm;
}

/** Parties declared in front matter: a map by role key, or a list with `rolle:`. */
export function frontMatterParties(fm: FrontMatter): Party[] {
  const container = (fm.data?.['parteien'] ?? fm.data?.['parties']) as unknown;
  const key = fm.data?.['parteien'] !== undefined ? 'parteien' : 'parties';
  const parties: Party[] = [];
  const add = (role: Role, value: unknown, path: string, roleTerm: string | undefined) => {
    if (!value || typeof value !== 'object') return;
    const v = value as Record<string, unknown>;
    const str = (...keys: string[]) => {
      for (const k of keys) if (typeof v[k] === 'string' || typeof v[k] === 'number') return String(v[k]);
      return undefined;
    };
    const name = str('name', 'firma');
    if (!name) return;
    const at = fm.keySpans.get(path) ?? fm;
    const party: Party = { role, name, terms: roleTerm ? [capitalize(roleTerm)] : [], source: 'frontmatter', start: at.start, end: at.end, range: at.range };
    const legalForm = str('rechtsform', 'legal_form', 'legalForm');
    const address = str('anschrift', 'adresse', 'address', 'sitz');
    const represented = str('vertreten_durch', 'vertreten', 'represented_by', 'representedBy');
    if (legalForm) party.legalForm = legalForm;
    if (address) party.address = address;
    if (represented) party.representedBy = represented;
    const nameSpan = fm.valueSpans.get(`${path}.name`) ?? fm.valueSpans.get(`${path}.firma`);
    if (nameSpan) party.nameSpan = nameSpan;
    parties.push(party);
  };
  if (Array.isArray(container)) {
    container.forEach((p, i) => {
      const r = p && typeof p === 'object' ? String((p as Record<string, unknown>)['rolle'] ?? (p as Record<string, unknown>)['role'] ?? '') : '';
      const role = roleOfKey(r);
      if (role) add(role, p, `${key}.${i}`, r);
    });
  } else if (container && typeof container === 'object') {
    for (const [k, p] of Object.entries(container as Record<string, unknown>)) {
      const role = roleOfKey(k);
      if (role) add(role, p, `${key}.${k}`, k === 'controller' || k === 'processor' ? undefined : k);
    }
  }
  return parties;
}

/** Terms from `begriffe:` / `terms:`: a map term → alias list (or a single alias string). */
export function frontMatterTerms(fm: FrontMatter): { term: string; aliases: string[]; span: Span }[] {
  const container = (fm.data?.['begriffe'] ?? fm.data?.['terms']) as unknown;
  const key = fm.data?.['begriffe'] !== undefined ? 'begriffe' : 'terms';
  if (!container || typeof container !== 'object' || Array.isArray(container)) return [];
  return Object.entries(container as Record<string, unknown>).map(([term, aliases]) => ({
    term,
    aliases: Array.isArray(aliases) ? aliases.map(String) : typeof aliases === 'string' ? [aliases] : [],
    span: fm.keySpans.get(`${key}.${term}`) ?? fm,
  }));
}

/** Resolves `{{auftraggeber.name}}`, `{{datum}}`, `{{parteien.auftragnehmer.anschrift}}` against front matter. */
export function resolveBinding(fm: FrontMatter | undefined, path: string): string | undefined {
  if (!fm?.data) return undefined;
  const lookup = (root: unknown, parts: string[]): unknown => parts.reduce<unknown>((o, p) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[p] : undefined), root);
  const parts = path.split('.');
  const direct = lookup(fm.data, parts);
  if (direct !== undefined && typeof direct !== 'object') return String(direct);
  const parties = fm.data['parteien'] ?? fm.data['parties'];
  if (parties && typeof parties === 'object' && roleOfKey(parts[0]!)) {
    const role = roleOfKey(parts[0]!);
    const entries = Array.isArray(parties) ? parties : Object.entries(parties).map(([k, v]) => ({ ...(v as object), rolle: k }));
    for (const p of entries as Record<string, unknown>[]) {
      const r = roleOfKey(String(p['rolle'] ?? p['role'] ?? ''));
      if (r === role) {
        const v = lookup(p, parts.slice(1));
        if (v !== undefined && typeof v !== 'object') return String(v);
      }
    }
  }
  return undefined;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
