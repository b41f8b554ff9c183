import * as fs from 'node:fs';
import * as path from 'node:path';
import type { RuleMeta } from '../rules/types.js';
import type { EuActInfo, Knowledge, LawInfo, NormInfo } from './types.js';
import { loadTomCatalogue } from './tom.js';
import { loadNormUnits } from './units.js';

/**
 * Loads the legal knowledge from the `data/` folder (shipped next to the bundles in the .vsix).
 * The analysis functions never read files themselves: shells call this once and pass the result.
 */
export function loadKnowledge(dataDir: string = findDataDir(__dirname)): Knowledge {
  const read = <T>(file: string): T => JSON.parse(fs.readFileSync(path.join(dataDir, file), 'utf8')) as T;
  const laws = listOf<Record<string, unknown>>(read('norms/laws.json'), 'laws').map((l): LawInfo => {
    const info: LawInfo = { id: String(l['id']), name: String(l['name']), aliases: (l['aliases'] as string[]) ?? [], unit: String(l['unit']), url: (l['url'] ?? l['urlPattern'] ?? null) as string | null };
    const repealed = l['repealed'] as { date?: string; replacedBy?: string[] | string; note?: string } | null | undefined;
    if (repealed) info.repealed = { ...repealed, replacedBy: Array.isArray(repealed.replacedBy) ? repealed.replacedBy.join(', ') : repealed.replacedBy };
    return info;
  });
  const lawAliases = laws.flatMap((l) => [l.id, ...l.aliases].map((alias) => ({ id: l.id, alias })));
  const norms = new Map<string, Map<string, NormInfo>>();
  const addNorms = (law: string, file: string, key: string) => {
    const entries = listOf<Record<string, unknown>>(read(file), key);
    norms.set(law, new Map(entries.map((e) => {
      const number = String(e['article'] ?? e['paragraph'] ?? e['number'] ?? e['section']);
      const info: NormInfo = { number, title: String(e['title']), url: String(e['url']) };
      const chapter = e['chapter'] as NormInfo['chapter'] | undefined;
      if (chapter) info.chapter = chapter;
      return [number, info];
    })));
  };
  addNorms('DSGVO', 'norms/dsgvo.json', 'norms');
  addNorms('BDSG', 'norms/bdsg.json', 'norms');
  const euActs = new Map<string, EuActInfo>();
  for (const a of listOf<Record<string, unknown>>(read('norms/eu-acts.json'), 'acts')) {
    // the citation parser names acts without their series suffix: "95/46", "2010/87", "2021/914"
    const id = String(a['id']).replace(/\/(?:EU|EG|EWG)$/, '');
    const info: EuActInfo = { id, title: String(a['title']), url: String(a['url']) };
    const status = describeStatus(a['status']);
    if (status) info.status = status;
    if (typeof a['date'] === 'string') info.date = a['date'];
    euActs.set(id, info);
  }
  const rules = new Map<string, RuleMeta>();
  for (const file of ['rules.json', 'product-rules.json']) {
    for (const r of listOf<RuleMeta>(read(file), 'rules')) rules.set(r.id, r);
  }
  return { laws, lawAliases, norms, euActs, rules, normUnits: loadNormUnits(dataDir), tom: loadTomCatalogue(dataDir) };
}

/** German status line of an EU act: "in Kraft", "aufgehoben am … durch …", "für ungültig erklärt (EuGH …)". */
function describeStatus(status: unknown): string | undefined {
  if (typeof status === 'string') return status;
  if (!status || typeof status !== 'object') return undefined;
  const s = status as { state?: string; date?: string; by?: string; since?: string; transitionalUntil?: string; judgment?: { court?: string; case?: string; date?: string } };
  const date = (d?: string) => (d ? d.split('-').reverse().join('.') : '');
  switch (s.state) {
    case 'in-force':
      return `in Kraft${s.since ? ` seit ${date(s.since)}` : ''}`;
    case 'repealed':
      return `aufgehoben${s.date ? ` mit Wirkung vom ${date(s.date)}` : ''}${s.by ? ` durch ${s.by}` : ''}${s.transitionalUntil ? `; Übergangsfrist bis ${date(s.transitionalUntil)}` : ''}`;
    case 'invalid':
      return `für ungültig erklärt${s.judgment ? ` (${s.judgment.court ?? 'EuGH'}, Urt. v. ${date(s.judgment.date)}, ${s.judgment.case ?? ''})` : ''}`;
    default:
      return s.state;
  }
}

function listOf<T>(json: unknown, key: string): T[] {
  if (Array.isArray(json)) return json as T[];
  const v = (json as Record<string, unknown>)[key];
  if (Array.isArray(v)) return v as T[];
  throw new Error(`expected an array or an object with "${key}"`);
}

/** Walks up from `start` to the folder that holds `data/norms/laws.json` (repo checkout or installed extension). */
export function findDataDir(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'data');
    if (fs.existsSync(path.join(candidate, 'norms', 'laws.json'))) return candidate;
    if (path.dirname(dir) === dir) throw new Error(`AVV Studio: data folder not found above ${start}`);
  }
}
