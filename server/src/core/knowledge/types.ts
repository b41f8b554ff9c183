import type { LawAlias } from '../parse/legalRefs.js';
import type { RuleMeta } from '../rules/types.js';
import type { NormUnits } from './units.js';
import type { TomCatalogue } from './tom.js';

/** Legal knowledge the core works with; loaded from `data/` by the shells (see load.ts). */

export interface LawInfo {
  id: string;
  name: string;
  aliases: string[];
  /** "Art." or "§". */
  unit: string;
  /** URL template with {n} for the norm number, or null. */
  url: string | null;
  repealed?: { date?: string; replacedBy?: string | undefined; note?: string } | null;
}

export interface NormInfo {
  /** "28" for Art. 28, "64" for § 64. */
  number: string;
  title: string;
  url: string;
  chapter?: { number: string; title: string };
}

export interface EuActInfo {
  id: string;
  title: string;
  url: string;
  status?: string;
  date?: string;
}

export interface Knowledge {
  laws: LawInfo[];
  lawAliases: LawAlias[];
  /** Norms by law id, then by number: norms.get("DSGVO")?.get("28"). */
  norms: Map<string, Map<string, NormInfo>>;
  euActs: Map<string, EuActInfo>;
  /** Rule metadata by id: data/rules.json (the legal catalogue) and data/product-rules.json. */
  rules: Map<string, RuleMeta>;
  /** Paragraphs, sentences and letters of the norms that matter in processor contracts, with summaries. */
  normUnits?: NormUnits;
  /** The catalogue of technical and organisational measures (data/tom-catalogue.json). */
  tom?: TomCatalogue;
}
