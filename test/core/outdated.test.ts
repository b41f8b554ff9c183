import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../server/src/core/index.js';
import { outdatedReferences } from '../../server/src/core/rules/outdatedReferences.js';
import { parse, repoRoot, testKnowledge } from '../support/helpers.js';

describe('outdated references', () => {
  const file = path.join(repoRoot, 'test', 'fixtures', 'legacy', 'altvorlage.avv.md');
  const text = fs.readFileSync(file, 'utf8');
  const { findings } = analyze(parse(text), testKnowledge(), {}, [outdatedReferences]);
  const lines = text.split('\n');
  const at = (f: (typeof findings)[number]) => `${f.range.start.line}: ${f.ruleId} "${lines[f.range.start.line]!.slice(f.range.start.character, f.range.end.character)}"`;

  it('finds every outdated reference of an old template, with id and exact range', () => {
    assert.deepEqual(findings.map(at), [
      '0: out-term-auftragsdatenverarbeitung "Auftragsdatenverarbeitung"',
      '0: out-bdsg-af-11 "§ 11 BDSG"',
      '8: out-term-bdsg-af-verarbeitung "Erhebung, Verarbeitung und Nutzung"',
      '8: out-term-auftragsdatenverarbeitung "ADV"',
      '10: out-bdsg-af-5-datengeheimnis "Datengeheimnis"',
      '12: out-bdsg-af-5-datengeheimnis "Datengeheimnis nach § 5 BDSG"',
      '16: out-bdsg-af-9 "Anlage zu § 9 Satz 1 BDSG"',
      '16: out-din-32757 "DIN 32757"',
      '16: out-iso27001-2013 "ISO 27001:2013"',
      '20: wrong-processor-72h "innerhalb von 72 Stunden"',
      '20: out-bdsg-af-42a "§ 42a BDSG"',
      '24: out-safe-harbor "Safe Harbor"',
      '24: out-scc-old "2010/87/EU"',
      '28: out-vergleichsverfahren "Vergleichsverfahren"',
      '28: out-term-sperrung "Gesperrte"',
    ]);
  });

  it('uses the severities of the catalogue and names today\'s reference', () => {
    const safeHarbor = findings.find((f) => f.ruleId === 'out-safe-harbor')!;
    assert.equal(safeHarbor.severity, 'error');
    assert.equal(findings.find((f) => f.ruleId === 'out-bdsg-af-11')!.severity, 'warning');
    assert.equal(findings.find((f) => f.ruleId === 'out-term-sperrung')!.severity, 'info');
    assert.match(findings.find((f) => f.ruleId === 'out-bdsg-af-11')!.message, /today: Art\. 28 DSGVO/);
  });

  it('finds nothing in the modern contracts', () => {
    for (const f of ['examples/beispiel.avv.md', 'test/fixtures/contracts/paragraphen.avv.md', 'test/fixtures/contracts/dezimal.avv.md']) {
      const r = analyze(parse(fs.readFileSync(path.join(repoRoot, f), 'utf8')), testKnowledge(), {}, [outdatedReferences]);
      assert.deepEqual(r.findings.map((x) => x.ruleId), [], f);
    }
  });

  it('can be switched off per id in the front matter', () => {
    const r = analyze(parse('---\nregeln:\n  out-safe-harbor: off\n---\n\nNach Safe Harbor und § 11 BDSG.\n'), testKnowledge(), {}, [outdatedReferences]);
    assert.deepEqual(r.findings.map((x) => x.ruleId), ['out-bdsg-af-11']);
  });
});

/** The parenthesised lookbehind groups of a pattern, e.g. "(?<=Weisung\s{0,3})". */
function lookbehinds(pattern: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i] === '\\') { i++; continue; }
    if (!pattern.startsWith('(?<=', i) && !pattern.startsWith('(?<!', i)) continue;
    let depth = 0;
    let inClass = false;
    let j = i;
    for (; j < pattern.length; j++) {
      const c = pattern[j];
      if (c === '\\') { j++; continue; }
      if (inClass) { if (c === ']') inClass = false; continue; }
      if (c === '[') inClass = true;
      else if (c === '(') depth++;
      else if (c === ')' && --depth === 0) break;
    }
    out.push(pattern.slice(i, j + 1));
  }
  return out;
}

/** True when a regex fragment has *, + or {n,} outside escapes and character classes. */
function unbounded(fragment: string): boolean {
  let inClass = false;
  for (let i = 0; i < fragment.length; i++) {
    const c = fragment[i];
    if (c === '\\') { i = fragment[i + 1] === 'p' && fragment[i + 2] === '{' ? fragment.indexOf('}', i) : i + 1; continue; }
    if (inClass) { if (c === ']') inClass = false; continue; }
    if (c === '[') inClass = true;
    else if (c === '*' || c === '+' || (c === '{' && /^\{\d+,\}/.test(fragment.slice(i)))) return true;
  }
  return false;
}

describe('outdated reference patterns', () => {
  it('bound every quantifier inside a lookbehind (unbounded ones made a long run of blanks quadratic)', () => {
    const offending: string[] = [];
    for (const [id, meta] of testKnowledge().rules) {
      for (const p of meta.patterns ?? []) for (const lb of lookbehinds(p)) if (unbounded(lb)) offending.push(`${id}: ${lb}`);
    }
    assert.deepEqual(offending, []);
  });

  it('recognises an unbounded lookbehind (the check itself)', () => {
    assert.ok(lookbehinds('a(?<=x\\s*)b(?<!y)').length === 2);
    assert.ok(unbounded('(?<=x\\s*)'));
    assert.ok(unbounded('(?<=(?:\\p{L}+\\s){0,2})'));
    assert.ok(!unbounded('(?<=x\\s{0,3}[*+])'));
    assert.ok(!unbounded('(?<!\\p{L})'));
  });
});
