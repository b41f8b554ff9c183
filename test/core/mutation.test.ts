import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { assessCoverage, requirementDetectors, type Coverage, type CoverageStatus } from '../../server/src/core/coverage/index.js';
import { parse, repoRoot } from '../support/helpers.js';

/**
 * Mutation test of the 44 requirement detectors. The base is a complete contract of the corpus
 * (lohn-hr.avv.md: every requirement PRESENT, including the conditional ones — special categories of data
 * and a carve-out for ancillary services — so that they can be mutated). For each requirement the
 * evidence the coverage names is deleted (blanked, so that all other offsets stay put); the requirement must
 * then be MISSING or PARTIAL, and no other requirement may change its status, except for the dependencies in
 * {@link DEPENDENCIES}, each with its legal or textual reason.
 *
 * A detector may find alternative evidence once the first is gone (a signature block where the form clause
 * was); the deletion is therefore repeated, up to five rounds, as long as the requirement stays PRESENT and
 * names new evidence. Section headings are never deleted (they carry the structure, and a heading alone never
 * makes a requirement present). Three requirements are mutated by hand ({@link HAND_MUTATIONS}): the two
 * conditional ones, whose evidence includes their trigger (deleting it makes them n/a, not missing), and
 * art44-transfers, whose places of processing the sub-processor list names as well.
 */

const BASE = path.join(repoRoot, 'test', 'fixtures', 'corpus', 'lohn-hr.avv.md');
const baseText = fs.readFileSync(BASE, 'utf8');

/**
 * The allowed dependencies: deleting the evidence of the key may change the listed requirements too, because
 * the law (or the catalogue) ties them to the same words. Everything else must stay as it was.
 */
const DEPENDENCIES: Record<string, { affects: string[]; why: string }> = {
  'art28-3-s1-controller-rights': {
    affects: ['art28-3-a-instructions', 'art28-3-h-audits', 'instruction-authorised-persons', 'art29-staff-instructions'],
    why: 'the controller\'s rights are regulated through the clauses that bind the processor and its staff to the controller\'s instructions, name who gives them, and let the controller audit: without those clauses there is no right left to find',
  },
  'art28-2-subprocessor-authorisation': {
    affects: ['subprocessor-notice-period'],
    why: 'the notice period is a property of the information procedure that belongs to a general authorisation (Art. 28 Abs. 2 S. 2)',
  },
  'subprocessor-notice-period': {
    affects: ['art28-2-subprocessor-authorisation'],
    why: 'the sentences that set the period are the information about intended changes and the objection right of Art. 28 Abs. 2 S. 2; without them the general authorisation lacks both',
  },
  'art33-2-breach-notification': {
    affects: ['art33-3-breach-content'],
    why: 'the minimum content is the content of the notification (Art. 33 Abs. 3 applied to Abs. 2): without a duty to notify there is no notification whose content is regulated',
  },
  'purpose-limitation': {
    affects: ['art28-3-s1-nature-purpose'],
    why: '"Die Verarbeitung dient ausschließlich der … Abrechnung" states the purpose (S. 1) and limits the processing to it (Art. 5 Abs. 1 lit. b) in one sentence',
  },
  'art32-1-b-cia-resilience': {
    affects: ['art32-1-c-restore'],
    why: 'backups are an availability measure (Art. 32 Abs. 1 lit. b) and the basis of restoring (lit. c); the line naming them serves both',
  },
};

/** Mutations by hand: the content that satisfies the requirement is replaced by what the catalogue calls PARTIAL. */
const HAND_MUTATIONS: Record<string, { from: string; to: string; why: string }> = {
  'sensitive-data-safeguards': {
    from: 'Für sie gelten zusätzlich folgende Schutzmaßnahmen: Zugriff nur durch namentlich benannte Abrechnungskräfte, Verschlüsselung auf Feldebene und Protokollierung jedes lesenden Zugriffs.',
    to: 'Sie werden wie alle übrigen Entgeltdaten behandelt.',
    why: 'the Art. 9 data (trigger) stay listed, the additional safeguards go: PARTIAL',
  },
  'art44-transfers': {
    from: '(6) Die Verarbeitung erfolgt ausschließlich in der Bundesrepublik Deutschland. Jede Verlagerung in ein Drittland bedarf der vorherigen Weisung des Verantwortlichen in Textform und setzt voraus, dass die Bedingungen der Art. 44 bis 49 DSGVO eingehalten sind.',
    to: '(6) Der Auftragsverarbeiter darf die Daten auch in Drittländern verarbeiten.',
    why: 'deleting the clause is not enough: the location column of the sub-processor list (Ulm, Aalen, Deutschland) still names the places of processing, which the catalogue accepts; instead the clause now allows third-country processing without a Chapter V mechanism: PARTIAL',
  },
  'subprocessor-ancillary-scope': {
    from: 'Post-, Kurier- und Telekommunikationsleistungen ohne Zugriff auf die Daten gelten nicht als Unterauftragsverhältnisse. Die Wartung der Abrechnungssysteme und die Vernichtung von Datenträgern gelten als Unterauftragsverhältnisse.',
    to: 'Nebenleistungen wie Telekommunikation, die Wartung der Abrechnungssysteme und die Vernichtung von Datenträgern gelten nicht als Unterauftragsverhältnisse.',
    why: 'the carve-out (trigger) stays, but now covers maintenance and disposal of data carriers: PARTIAL',
  },
};

function statuses(c: Coverage): Map<string, CoverageStatus> {
  return new Map([...c].map(([id, r]) => [id, r.status]));
}

/**
 * Blanks the given spans (n-offsets; the base is NFC without soft hyphens or no-break spaces, so they are
 * offsets of the original). A leading clause number "(2)" stays: it is structure, not content.
 */
function blank(text: string, spans: readonly { start: number; end: number }[]): string {
  let out = text;
  for (const s of [...spans].sort((a, b) => b.start - a.start)) {
    const part = out.slice(s.start, s.end);
    const label = /^\s*\(\d+\)\s*/u.exec(part)?.[0] ?? '';
    out = out.slice(0, s.start) + label + part.slice(label.length).replace(/[^\n]/gu, ' ') + out.slice(s.end);
  }
  return out;
}

interface Mutation { text: string; rounds: number; how: string }

function mutate(id: string, text: string): Mutation {
  const hand = HAND_MUTATIONS[id];
  if (hand) {
    assert.ok(text.includes(hand.from), `${id}: hand mutation text not found in the base`);
    return { text: text.replace(hand.from, hand.to), rounds: 0, how: `by hand: ${hand.why}` };
  }
  let current = text;
  for (let round = 1; round <= 5; round++) {
    const parsed = parse(current);
    const c = assessCoverage(parsed).get(id)!;
    if (c.status !== 'present' || round > 1 && c.evidence.length === 0) return { text: current, rounds: round - 1, how: 'evidence deleted' };
    // structure stays: section headings and the header row of a table
    const structure = new Set([...parsed.model.allSections.map((s) => s.heading.start), ...parsed.model.tables.flatMap((t) => t.header.map((h) => h.start))]);
    const spans = c.evidence.filter((e) => !structure.has(e.start));
    if (!spans.length) return { text: current, rounds: round - 1, how: 'evidence deleted (only headings left)' };
    current = blank(current, spans);
  }
  return { text: current, rounds: 5, how: 'evidence deleted' };
}

describe('mutation test: deleting a requirement\'s evidence (base: corpus/lohn-hr.avv.md)', function () {
  this.timeout(30_000);
  const base = statuses(assessCoverage(parse(baseText)));

  it('starts from a contract where all 44 requirements are present (the conditional ones triggered)', () => {
    assert.equal(base.size, 44);
    assert.deepEqual([...base].filter(([, s]) => s !== 'present').map(([id, s]) => `${id}: ${s}`), []);
  });

  const report: string[] = [];
  for (const detector of requirementDetectors) {
    const id = detector.id;
    it(`${id}: becomes missing or partial, and nothing else changes`, () => {
      const m = mutate(id, baseText);
      const after = statuses(assessCoverage(parse(m.text)));
      const own = after.get(id)!;
      assert.ok(own === 'missing' || own === 'partial', `${id} is still ${own} after ${m.how} (${m.rounds} rounds)`);
      const changed = [...after].filter(([other, s]) => other !== id && s !== base.get(other));
      const unexplained = changed.filter(([other]) => !DEPENDENCIES[id]?.affects.includes(other)).map(([other, s]) => `${other}: present → ${s}`);
      report.push(`${id}: ${own} (${m.how}${m.rounds > 1 ? `, ${m.rounds} rounds` : ''})${changed.length ? `; also ${changed.map(([o, s]) => `${o} ${s}`).join(', ')}` : ''}`);
      assert.deepEqual(unexplained, [], `deleting the evidence of ${id} changed other requirements`);
    });
  }

  it('has a reason for every allowed dependency, and each one still occurs', () => {
    if (process.env['MUTATION_VERBOSE']) console.log(report.join('\n'));
    for (const [from, { affects, why }] of Object.entries(DEPENDENCIES)) {
      assert.ok(why.length > 40, `${from}: reason`);
      const after = statuses(assessCoverage(parse(mutate(from, baseText).text)));
      for (const to of affects) assert.notEqual(after.get(to), base.get(to), `${from} → ${to} is allowed but no longer happens: remove it`);
    }
  });
});
