import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The TOM catalogue (data/tom-catalogue.json): measures a TOM annex is drafted from, each mapped to the classic
 * control (Anlage zu § 9 S. 1 BDSG a. F.), the control goals of § 64 Abs. 3 S. 1 BDSG, Art. 32 DSGVO and the SDM.
 */

export type TomCategoryCode = 'ZT' | 'ZG' | 'ZF' | 'WG' | 'EK' | 'AK' | 'VF' | 'TR' | 'DI' | 'PV' | 'WH' | 'ÜB' | 'DM' | 'BR';
/** Art. 32 DSGVO: Abs. 1 lit. a, lit. b (Vertraulichkeit, Integrität, Verfügbarkeit, Belastbarkeit), lit. c, lit. d, Abs. 4. */
export type Art32Code = 'a' | 'b-V' | 'b-I' | 'b-Vf' | 'b-B' | 'c' | 'd' | 'Abs. 4';
/** SDM-Gewährleistungsziele. */
export type SdmGoal = 'Vt' | 'In' | 'Vf' | 'Nv' | 'Tr' | 'Iv' | 'Dm';

export interface TomControl {
  number: number;
  name: string;
}

export interface TomCategory {
  code: TomCategoryCode;
  name: string;
  control: TomControl | null;
  bdsg64: number[];
  art32: Art32Code[];
  norms?: string[];
  sdm: SdmGoal[];
  /** Headings that identify the category in a TOM annex. */
  headings: string[];
  /** Headings that identify it only in § 64 terminology („Zugangskontrolle“ = physical access). */
  headingsBdsg64?: string[];
  /** Headings that identify it only in the terminology of BDSG a. F. */
  headingsClassic?: string[];
}

export interface TomCatalogueEntry {
  id: string;
  title: string;
  description: string;
  category: TomCategoryCode;
  control: TomControl | null;
  bdsg64: number[];
  art32: Art32Code[];
  norms?: string[];
  sdm: SdmGoal[];
  synonyms: string[];
}

export interface TomCatalogue {
  controls: TomControl[];
  bdsg64Controls: TomControl[];
  /** Headings used only in § 64 terminology; they decide how „Zugangskontrolle“ is read. */
  bdsg64Indicators: string[];
  art32Goals: Record<Art32Code, string>;
  sdmGoals: Record<SdmGoal, string>;
  categories: TomCategory[];
  entries: TomCatalogueEntry[];
}

/** Reads `tom-catalogue.json` from the data folder (the one `loadKnowledge` uses). */
export function loadTomCatalogue(dataDir: string): TomCatalogue {
  const json = JSON.parse(fs.readFileSync(path.join(dataDir, 'tom-catalogue.json'), 'utf8')) as TomCatalogue & { $schema?: string; version?: number; sources?: string[] };
  const { controls, bdsg64Controls, bdsg64Indicators, art32Goals, sdmGoals, categories, entries } = json;
  if (!Array.isArray(entries) || !Array.isArray(categories)) throw new Error('tom-catalogue.json: entries and categories expected');
  return { controls, bdsg64Controls, bdsg64Indicators, art32Goals, sdmGoals, categories, entries };
}
