import * as fs from 'node:fs';
import * as path from 'node:path';
import { findDataDir } from '../knowledge/load.js';

/**
 * The clause library (data/clauses.json): standard clauses per requirement, completion sentences for PARTIAL
 * provisions, and textual replacements of outdated references. Loaded once by the shells and passed in.
 */

export type ClauseVariant = 'short' | 'detailed';

export interface ClauseEntry {
  id: string;
  requirement: string;
  /** German section title, itself a template ("Rechte und Pflichten {{controller.gen}}"). */
  title: string;
  /** RegExp source (iu) of section titles the clause belongs into as a new Absatz. */
  home: string;
  /** A skeleton with […] placeholders for facts only the parties know. */
  needsFacts: boolean;
  variants: { short: string[]; detailed?: string[] };
}

export interface CompletionEntry {
  key: string;
  requirement: string;
  kind: 'append' | 'replace';
  text?: string;
  pattern?: string;
  replacement?: string;
  /** append: the sentence refers to the one it completes and goes right after it (see completePartialClause). */
  refersBack?: boolean;
  /** The coverage `missing` strings this completion answers. */
  resolves: string[];
  note?: string;
}

export interface ReplacementEntry {
  rule: string;
  pattern: string;
  replacement: string;
  inflections?: Record<string, string>;
  articles?: Record<string, string>;
}

export interface ClauseLibrary {
  clauses: ClauseEntry[];
  completions: CompletionEntry[];
  replacements: ReplacementEntry[];
}

export function parseClauseLibrary(json: unknown): ClauseLibrary {
  const data = json as Partial<ClauseLibrary>;
  if (!Array.isArray(data.clauses) || !Array.isArray(data.completions) || !Array.isArray(data.replacements)) {
    throw new Error('AVV Studio: clauses.json lacks clauses, completions or replacements');
  }
  return { clauses: data.clauses, completions: data.completions, replacements: data.replacements };
}

/** Reads data/clauses.json (shells only; the fix functions take the library as an argument). */
export function loadClauseLibrary(dataDir: string = findDataDir(__dirname)): ClauseLibrary {
  return parseClauseLibrary(JSON.parse(fs.readFileSync(path.join(dataDir, 'clauses.json'), 'utf8')));
}

/** The clause that fixes a requirement, if the library has one. */
export function clauseFor(library: ClauseLibrary, requirementId: string): ClauseEntry | undefined {
  return library.clauses.find((c) => c.requirement === requirementId || c.id === requirementId);
}

/**
 * Maps a coverage `missing` string (English l10n source string) to the completion key that answers it;
 * undefined when no completion sentence exists (then insert the whole clause or leave it to the lawyer).
 */
export function completionKeyFor(library: ClauseLibrary, requirementId: string, missing: string): string | undefined {
  return library.completions.find((c) => c.requirement === requirementId && c.resolves.includes(missing))?.key;
}
