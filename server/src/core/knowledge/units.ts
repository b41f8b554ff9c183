import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Citation } from '../model/types.js';

/**
 * The inner structure of selected norms (data/norms/dsgvo-units.json, bdsg-units.json) and the repealed norms and
 * acts with their successors (data/norms/repealed.json), and the resolution of a citation to the exact unit.
 */

export type UnitKind = 'Abs.' | 'UAbs.' | 'S.' | 'lit.' | 'Nr.';

/** One Absatz, Unterabsatz, Satz, Buchstabe or Nummer with its summary (German, own words). */
export interface NormUnit {
  kind: UnitKind;
  n: string;
  summary: string;
  units?: NormUnit[];
}

export interface NormStructure {
  article: string;
  url: string;
  /** Every unit is listed: a cited unit that is not listed does not exist. */
  complete: boolean;
  recitals: number[];
  /** Summary of a norm without subdivisions. */
  summary?: string;
  note?: string;
  units: NormUnit[];
}

export interface LawUnits {
  law: string;
  unit: 'Art.' | '§';
  /** The highest article or section number of the law. */
  lastArticle: number;
  /** Number of recitals (DSGVO: 173). */
  recitals?: number;
  sourceUrl: string;
  norms: Map<string, NormStructure>;
}

export interface Replacement {
  citation: string;
  url: string;
  note?: string;
}

export interface RepealedEntry {
  id: string;
  kind: 'norm' | 'act';
  law?: string;
  article?: string;
  act?: string;
  designation: string;
  title: string;
  end: { state: 'repealed' | 'invalid'; date: string; by: string; transitionalUntil?: string };
  replacedBy: Replacement[];
  annex?: { title: string; summary: string; replacedBy: Replacement[] };
  note?: string;
  source: string;
}

export interface NormUnits {
  /** By law id: "DSGVO", "BDSG". */
  laws: Map<string, LawUnits>;
  /** Repealed norms by "law article": "BDSG-alt 11". */
  repealedNorms: Map<string, RepealedEntry>;
  /** Repealed or invalid EU acts by the id the citation parser uses: "95/46", "2016/1250". */
  repealedActs: Map<string, RepealedEntry>;
}


/** Reads the norm structure files from the data folder (the same folder loadKnowledge reads). */
export function loadNormUnits(dataDir: string): NormUnits {
  const read = (file: string): Record<string, unknown> => JSON.parse(fs.readFileSync(path.join(dataDir, 'norms', file), 'utf8')) as Record<string, unknown>;
  const laws = new Map<string, LawUnits>();
  for (const file of ['dsgvo-units.json', 'bdsg-units.json']) {
    const json = read(file);
    const norms = (json['norms'] as Array<Record<string, unknown>>).map((n): NormStructure => {
      const s: NormStructure = {
        article: String(n['article']),
        url: String(n['url']),
        complete: n['complete'] === true,
        recitals: (n['recitals'] as number[] | undefined) ?? [],
        units: n['units'] as NormUnit[],
      };
      if (typeof n['summary'] === 'string') s.summary = n['summary'];
      if (typeof n['note'] === 'string') s.note = n['note'];
      return s;
    });
    const lawUnits: LawUnits = {
      law: String(json['law']),
      unit: json['unit'] === '§' ? '§' : 'Art.',
      lastArticle: Number(json['lastArticle']),
      sourceUrl: String(json['sourceUrl']),
      norms: new Map(norms.map((n) => [n.article, n])),
    };
    if (typeof json['recitals'] === 'number') lawUnits.recitals = json['recitals'];
    laws.set(lawUnits.law, lawUnits);
  }
  const repealedNorms = new Map<string, RepealedEntry>();
  const repealedActs = new Map<string, RepealedEntry>();
  for (const e of read('repealed.json')['entries'] as RepealedEntry[]) {
    if (e.kind === 'norm') repealedNorms.set(`${e.law} ${e.article}`, e);
    else if (e.act) repealedActs.set(e.act, e);
  }
  return { laws, repealedNorms, repealedActs };
}

/** One cited level: "Abs. 3", "lit. h". */
export interface CitedStep {
  kind: UnitKind;
  n: string;
}

/** A unit on the resolved path; `implied` when the citation left the level out ("Art. 28 Abs. 3 S. 2" → UAbs. 1). */
export interface PathStep extends CitedStep {
  summary: string;
  implied: boolean;
  /** The unit has no sentences of its own and "S. 1" names it as a whole. */
  wholeUnit?: boolean;
}

export type UnitResolution =
  /** The law has no structure data (BGB, BDSG-alt, EU acts). */
  | { status: 'unknown-law' }
  /** The article number lies beyond the law. */
  | { status: 'no-article'; law: LawUnits; article: string }
  /** The article exists but its structure is not recorded. */
  | { status: 'unstructured'; law: LawUnits; article: string }
  /** Resolved; `unrecorded` lists cited steps below the recorded structure of an incomplete norm. */
  | { status: 'found'; law: LawUnits; norm: NormStructure; path: PathStep[]; unrecorded: CitedStep[] }
  /**
   * A cited unit does not exist: `path` is the part that does, `step` the first that does not, `available` the
   * units at that level (of the same kind, or of other kinds when the level is not divided that way).
   */
  | { status: 'missing'; law: LawUnits; norm: NormStructure; path: PathStep[]; step: CitedStep; available: NormUnit[] };

const ORDER: ReadonlyArray<readonly [UnitKind, keyof Citation]> = [
  ['Abs.', 'paragraph'],
  ['UAbs.', 'subparagraph'],
  ['S.', 'sentence'],
  ['Nr.', 'number'],
  ['lit.', 'letter'],
];
/** Levels writers commonly leave out (see impliedPath). */
const SKIPPABLE: ReadonlySet<UnitKind> = new Set<UnitKind>(['UAbs.', 'S.']);

/** The cited levels of a citation, outermost first (Hs. is not a unit of the data). */
export function citedSteps(c: Citation): CitedStep[] {
  const steps: CitedStep[] = [];
  for (const [kind, key] of ORDER) {
    const v = c[key];
    if (typeof v === 'string' && v) steps.push({ kind, n: kind === 'lit.' ? v.toLowerCase() : v });
  }
  return steps;
}

/** Resolves a single-article citation of the DSGVO or BDSG to the unit it names. Ranges and lists: see the callers. */
export function resolveUnit(c: Citation, units: NormUnits): UnitResolution {
  const law = units.laws.get(c.law);
  if (!law || c.unit === 'act' || c.unit === 'ErwG' || !c.article) return { status: 'unknown-law' };
  if (!articleExists(c.article, law)) return { status: 'no-article', law, article: c.article };
  const norm = law.norms.get(c.article);
  if (!norm) return { status: 'unstructured', law, article: c.article };
  const steps = citedSteps(c);
  const path: PathStep[] = [];
  let kids = norm.units;
  let summary = norm.summary ?? '';
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i] as CitedStep;
    const direct = kids.find((k) => k.kind === step.kind && k.n === step.n);
    if (direct) {
      path.push({ kind: direct.kind, n: direct.n, summary: direct.summary, implied: false });
      kids = direct.units ?? [];
      summary = direct.summary;
      continue;
    }
    if (kids.some((k) => k.kind === step.kind)) {
      return { status: 'missing', law, norm, path, step, available: kids.filter((k) => k.kind === step.kind) };
    }
    const later = new Set(steps.slice(i).map((s) => s.kind));
    const via = impliedPath(kids, step, later);
    if (via) {
      for (const u of via.slice(0, -1)) path.push({ kind: u.kind, n: u.n, summary: u.summary, implied: true });
      const last = via[via.length - 1] as NormUnit;
      path.push({ kind: last.kind, n: last.n, summary: last.summary, implied: false });
      kids = last.units ?? [];
      summary = last.summary;
      continue;
    }
    const holder = impliedPath(kids, step, later, true);
    if (holder) {
      // The level exists below a left-out UAbs./S., but not with this number: "§ 64 Abs. 3 Nr. 15" → S. 1 has Nr. 1–14.
      const inner = holder[holder.length - 1] as NormUnit;
      for (const u of holder) path.push({ kind: u.kind, n: u.n, summary: u.summary, implied: true });
      return { status: 'missing', law, norm, path, step, available: (inner.units ?? []).filter((k) => k.kind === step.kind) };
    }
    if (step.kind === 'S.' && step.n === '1' && !kids.some((k) => k.kind === 'UAbs.')) {
      // A unit without listed sentences is one sentence: "S. 1" names the unit itself.
      path.push({ kind: 'S.', n: '1', summary, implied: false, wholeUnit: true });
      continue;
    }
    if (!norm.complete) return { status: 'found', law, norm, path, unrecorded: steps.slice(i) };
    return { status: 'missing', law, norm, path, step, available: kids };
  }
  return { status: 'found', law, norm, path, unrecorded: [] };
}

/**
 * Finds `step` below `kids` through levels the citation left out: a left-out UAbs. is UAbs. 1 (the short form
 * "Art. 28 Abs. 3 S. 2 lit. a" is read as UAbs. 1, see the spec's legend); a left-out S. is whichever sentence holds it.
 * With `anyNumber`, returns the left-out levels down to the first unit that holds units of the cited kind at all.
 */
function impliedPath(kids: NormUnit[], step: CitedStep, cited: ReadonlySet<UnitKind>, anyNumber = false): NormUnit[] | undefined {
  for (const k of kids) {
    if (!SKIPPABLE.has(k.kind) || cited.has(k.kind)) continue;
    if (k.kind === 'UAbs.' && k.n !== '1') continue;
    const inner = k.units ?? [];
    if (anyNumber) {
      // Only the left-out levels: the unit that holds units of the cited kind.
      if (inner.some((u) => u.kind === step.kind)) return [k];
    } else {
      const direct = inner.find((u) => u.kind === step.kind && u.n === step.n);
      if (direct) return [k, direct];
    }
    const deeper = impliedPath(inner, step, cited, anyNumber);
    if (deeper) return [k, ...deeper];
  }
  return undefined;
}

/** True when the law has an article or section with this number ("42a" counts as 42). */
export function articleExists(article: string, law: LawUnits): boolean {
  const n = Number.parseInt(article, 10);
  return Number.isFinite(n) && n >= 1 && n <= law.lastArticle;
}

/** "1–10", "a–h", or "1, 3, 5" for the numbers of a list of units. */
export function formatRange(units: readonly NormUnit[]): string {
  const ns = units.map((u) => u.n);
  if (ns.length === 0) return '';
  if (ns.length === 1) return ns[0] as string;
  const code = (n: string) => (/^\d+$/.test(n) ? Number(n) : n.charCodeAt(0));
  const contiguous = ns.every((n, i) => i === 0 || code(n) === code(ns[i - 1] as string) + 1);
  return contiguous ? `${ns[0]}–${ns[ns.length - 1]}` : ns.join(', ');
}

/** "Abs. 3 UAbs. 1 S. 2 lit. h" (separator " ") or "Abs. 3 › UAbs. 1 › …" (separator " › "). */
export function pathLabel(path: readonly CitedStep[], separator = ' '): string {
  return path.map((s) => `${s.kind} ${s.n}`).join(separator);
}
