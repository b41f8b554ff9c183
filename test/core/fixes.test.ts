import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import type { ParsedContract } from '../../server/src/core/model/build.js';
import type { CrossReference, Section, Span } from '../../server/src/core/model/types.js';
import {
  applyEdits,
  completePartialClause,
  completionKeyFor,
  declineRole,
  insertMissingClause,
  loadClauseLibrary,
  renderClause,
  replaceOutdatedReference,
  type ClauseLibrary,
  type TextEdit,
} from '../../server/src/core/fixes/index.js';
import { fixturesDir, parse, parseFixture, repoRoot } from '../support/helpers.js';

const library: ClauseLibrary = loadClauseLibrary(path.join(repoRoot, 'data'));
const readJson = (rel: string): unknown => JSON.parse(fs.readFileSync(path.join(repoRoot, rel), 'utf8'));
const fixtureText = (name: string) => fs.readFileSync(path.join(fixturesDir, name), 'utf8');

/** Applies a fix and parses the result, as the editor and `avv fix` do. */
function fix(parsed: ParsedContract, edits: TextEdit[]): { text: string; parsed: ParsedContract } {
  const text = applyEdits(parsed.source.original, edits);
  return { text, parsed: parse(text) };
}

function section(parsed: ParsedContract, title: RegExp): Section {
  const s = parsed.model.sections.find((x) => title.test(x.title));
  assert.ok(s, `no section ${title}`);
  return s;
}

/** What a reference points at, described by text: the heading of its top section and the target's first words. */
function targetText(parsed: ParsedContract, ref: CrossReference): string | undefined {
  const t = ref.target;
  if (!t) return undefined;
  let top: Section | undefined = 'heading' in t ? t : t.section;
  while (top?.parent) top = top.parent;
  return `${top?.title} | ${parsed.source.text.slice(t.start, t.start + 60)}`;
}

describe('clause library data', () => {
  const rules = (readJson('data/rules.json') as { rules: { id: string; kind: string }[] }).rules;
  const byId = new Map(rules.map((r) => [r.id, r]));

  it('data/clauses.json validates against its schema', () => {
    const ajv = new Ajv({ allErrors: true, strict: true });
    const validate = ajv.compile(readJson('data/schema/clauses.schema.json') as object);
    assert.ok(validate(readJson('data/clauses.json')), ajv.errorsText(validate.errors, { separator: '\n  ' }));
  });

  it('the schema rejects a completion without its sentence', () => {
    const ajv = new Ajv({ allErrors: true, strict: true });
    const validate = ajv.compile(readJson('data/schema/clauses.schema.json') as object);
    const broken = { version: 1, clauses: library.clauses, completions: [{ key: 'a.b', requirement: 'x', kind: 'append', resolves: [] }], replacements: [] };
    assert.equal(validate(broken), false);
  });

  it('every clause and completion names a requirement of the catalogue, every replacement an outdated-reference rule', () => {
    for (const c of library.clauses) assert.equal(byId.get(c.requirement)?.kind, 'requirement', c.id);
    for (const c of library.completions) assert.equal(byId.get(c.requirement)?.kind, 'requirement', c.key);
    for (const r of library.replacements) assert.equal(byId.get(r.rule)?.kind, 'outdated-reference', r.rule);
  });

  it('has a clause for every requirement of rows 1–40 of the catalogue', () => {
    const requirements = rules.filter((r) => r.kind === 'requirement' && !r.id.startsWith('art32-1-')).map((r) => r.id);
    assert.deepEqual(requirements.filter((id) => !library.clauses.some((c) => c.requirement === id)), []);
  });

  it('completion keys are unique and include the ones the code actions use', () => {
    const keys = library.completions.map((c) => c.key);
    assert.equal(new Set(keys).size, keys.length);
    for (const key of ['delete-return.add-return', 'audits.add-inspections', 'instructions.add-third-country', 'breach.replace-72h', 'subprocessor.add-objection', 'subprocessor.add-notice', 'confidentiality.extend-to-all-persons', 'assist.add-dpia-consultation']) {
      assert.ok(keys.includes(key), key);
    }
  });

  it('every `resolves` string is a coverage missing string, and each is resolved at most once per requirement', () => {
    const messages = path.join(repoRoot, 'out/server/src/core/coverage/messages.js');
    const known = fs.existsSync(messages) ? new Set(Object.values((require(messages) as { M: Record<string, string> }).M)) : undefined;
    const seen = new Set<string>();
    for (const c of library.completions) {
      for (const m of c.resolves) {
        if (known) assert.ok(known.has(m), `${c.key}: unknown missing string "${m}"`);
        assert.ok(!seen.has(`${c.requirement}|${m}`), `${c.key}: "${m}" resolved twice`);
        seen.add(`${c.requirement}|${m}`);
      }
    }
  });

  it('refers to parties and to the contract only through placeholders (no literal "er", "ihm", "dieser Vertrag")', () => {
    const texts = [
      ...library.clauses.flatMap((c) => [c.title, ...c.variants.short, ...(c.variants.detailed ?? [])].map((t) => [c.id, t] as const)),
      ...library.completions.flatMap((c) => [c.text, c.replacement].filter((t): t is string => t !== undefined).map((t) => [c.key, t] as const)),
    ];
    for (const [id, template] of texts) {
      const t = template.replace(/\{\{[^}]*\}\}\p{L}*/gu, '{{}}'); // "{{agreement.poss}}er Anlagen" is fine
      assert.doesNotMatch(t, /(?<!\p{L})(?:[Ee]r|ihm|ihn|dessen|deren)(?!\p{L})/u, `${id}: a pronoun for a party must follow its gender ({{processor.pron}} …)`);
      assert.doesNotMatch(t, /(?<!\p{L})[Dd]ies(?:er|em|en|es) Vertrag/u, `${id}: the contract as it names itself ({{agreement.nom}} …)`);
    }
  });

  it('maps missing strings to completion keys', () => {
    assert.equal(completionKeyFor(library, 'art28-3-h-audits', 'inspections / on-site audits are missing'), 'audits.add-inspections');
    assert.equal(completionKeyFor(library, 'art33-2-breach-notification', '72 hours instead of "without undue delay"'), 'breach.replace-72h');
    assert.equal(completionKeyFor(library, 'art28-3-g-delete-return', 'return as an alternative to deletion is missing'), 'delete-return.add-return');
    assert.equal(completionKeyFor(library, 'art28-3-h-audits', 'no such string'), undefined);
  });
});

describe('declineRole', () => {
  const table: [string, string, string, string, string][] = [
    ['Auftraggeber', 'der Auftraggeber', 'des Auftraggebers', 'dem Auftraggeber', 'den Auftraggeber'],
    ['Auftragnehmer', 'der Auftragnehmer', 'des Auftragnehmers', 'dem Auftragnehmer', 'den Auftragnehmer'],
    ['Verantwortlicher', 'der Verantwortliche', 'des Verantwortlichen', 'dem Verantwortlichen', 'den Verantwortlichen'],
    ['Verantwortliche', 'der Verantwortliche', 'des Verantwortlichen', 'dem Verantwortlichen', 'den Verantwortlichen'],
    ['Auftragsverarbeiter', 'der Auftragsverarbeiter', 'des Auftragsverarbeiters', 'dem Auftragsverarbeiter', 'den Auftragsverarbeiter'],
    ['Kunde', 'der Kunde', 'des Kunden', 'dem Kunden', 'den Kunden'],
    ['Dienstleister', 'der Dienstleister', 'des Dienstleisters', 'dem Dienstleister', 'den Dienstleister'],
    ['Lieferant', 'der Lieferant', 'des Lieferanten', 'dem Lieferanten', 'den Lieferanten'],
    ['Provider', 'der Provider', 'des Providers', 'dem Provider', 'den Provider'],
  ];
  for (const [term, nom, gen, dat, akk] of table) {
    it(term, () => {
      const d = declineRole(term);
      assert.deepEqual([d.nom, d.gen, d.dat, d.akk], [nom, gen, dat, akk]);
      assert.deepEqual([d.gender, d.pron, d.pronDat, d.pronAkk, d.poss, d.rel, d.dem], ['m', 'er', 'ihm', 'ihn', 'sein', 'dessen', 'dieser']);
    });
  }
  // feminine and neuter role terms: the article, the cases and the pronouns that refer back
  const others: [string, string, string, string, string, string][] = [
    ['Auftraggeberin', 'die Auftraggeberin', 'der Auftraggeberin', 'der Auftraggeberin', 'die Auftraggeberin', 'sie/ihr/sie/ihr/deren/diese'],
    ['Auftragnehmerin', 'die Auftragnehmerin', 'der Auftragnehmerin', 'der Auftragnehmerin', 'die Auftragnehmerin', 'sie/ihr/sie/ihr/deren/diese'],
    ['Praxis', 'die Praxis', 'der Praxis', 'der Praxis', 'die Praxis', 'sie/ihr/sie/ihr/deren/diese'],
    ['Behörde', 'die Behörde', 'der Behörde', 'der Behörde', 'die Behörde', 'sie/ihr/sie/ihr/deren/diese'],
    ['Gesellschaft', 'die Gesellschaft', 'der Gesellschaft', 'der Gesellschaft', 'die Gesellschaft', 'sie/ihr/sie/ihr/deren/diese'],
    ['Muster GmbH', 'die Muster GmbH', 'der Muster GmbH', 'der Muster GmbH', 'die Muster GmbH', 'sie/ihr/sie/ihr/deren/diese'],
    ['Unternehmen', 'das Unternehmen', 'des Unternehmens', 'dem Unternehmen', 'das Unternehmen', 'es/ihm/es/sein/dessen/dieses'],
    ['Klinikum', 'das Klinikum', 'des Klinikums', 'dem Klinikum', 'das Klinikum', 'es/ihm/es/sein/dessen/dieses'],
    ['Verein', 'der Verein', 'des Vereins', 'dem Verein', 'den Verein', 'er/ihm/ihn/sein/dessen/dieser'],
  ];
  for (const [term, nom, gen, dat, akk, pronouns] of others) {
    it(term, () => {
      const d = declineRole(term);
      assert.deepEqual([d.nom, d.gen, d.dat, d.akk], [nom, gen, dat, akk]);
      assert.equal([d.pron, d.pronDat, d.pronAkk, d.poss, d.rel, d.dem].join('/'), pronouns);
    });
  }
});

describe('renderClause', () => {
  const vocabularies = [
    { fixture: 'paragraphen.avv.md', own: /Auftraggeber|Auftragnehmer/u, foreign: /Verantwortlichen|Auftragsverarbeiters\b|Unterauftragsverarbeiter/u },
    { fixture: 'dezimal.avv.md', own: /Verantwortliche|Auftragsverarbeiter/u, foreign: /Auftraggeber|Auftragnehmer/u },
  ];
  for (const v of vocabularies) {
    const parsed = parseFixture(v.fixture);
    for (const clause of library.clauses) {
      for (const variant of ['short', 'detailed'] as const) {
        if (variant === 'detailed' && !clause.variants.detailed) continue;
        it(`${clause.id} (${variant}) in ${v.fixture}`, () => {
          const text = renderClause(parsed, library, clause.id, variant);
          assert.ok(text.length > 40);
          assert.doesNotMatch(text, /\{\{|\}\}/u);
          const templates = (variant === 'detailed' ? clause.variants.detailed : clause.variants.short) ?? [];
          if (templates.some((t) => /\{\{(?:controller|processor|Controller|Processor)/u.test(t))) assert.match(text, v.own);
          // the legal role words stay only where the clause defines the roles (parties)
          if (clause.id !== 'parties-identified') assert.doesNotMatch(text, v.foreign);
        });
      }
    }
  }

  it('declines feminine role terms and refers back with their pronouns; names the contract as it names itself', () => {
    const parsed = parse('# AVV\n\nzwischen der A GmbH, Hauptstr. 1, 10115 Berlin (nachfolgend „Auftraggeberin“) und der B GmbH, Nebenweg 2, 80331 München (nachfolgend „Auftragnehmerin“)\n\n## § 1 Gegenstand\n\n(1) Die Auftragnehmerin hostet Daten. Diese AVV gilt ab heute. Änderungen dieser AVV bedürfen der Textform.\n');
    assert.equal(renderClause(parsed, library, 'seizure-insolvency-notice'), 'Werden die personenbezogenen Daten bei der Auftragnehmerin durch Pfändung, Beschlagnahme, ein Insolvenzverfahren oder sonstige Maßnahmen Dritter gefährdet, informiert sie die Auftraggeberin unverzüglich. Sie weist die Beteiligten darauf hin, dass die Verantwortung für die Daten ausschließlich bei der Auftraggeberin liegt.');
    assert.match(renderClause(parsed, library, 'dsr-forwarding'), /leitet diese das Ersuchen unverzüglich an die Auftraggeberin weiter .* die Auftraggeberin hat sie hierzu angewiesen\.$/u);
    assert.match(renderClause(parsed, library, 'art30-records'), /stellt der Auftraggeberin die für deren Verzeichnis/u);
    assert.match(renderClause(parsed, library, 'termination-for-cause'), /^Die Auftraggeberin kann diese AVV und den Hauptvertrag fristlos kündigen, wenn die Auftragnehmerin schwerwiegend gegen Datenschutzvorschriften oder gegen diese AVV verstößt/u);
    assert.match(renderClause(parsed, library, 'art28-9-written-form'), /^Diese AVV sowie Änderungen und Ergänzungen einschließlich ihrer Anlagen/u);
  });

  it('renders exactly, with the document terms and numbered Absätze', () => {
    const parsed = parseFixture('dezimal.avv.md');
    assert.equal(
      renderClause(parsed, library, 'art28-4-liability'),
      '12.1 Kommt ein Unterauftragsverarbeiter seinen Datenschutzpflichten nicht nach, haftet der Auftragsverarbeiter gegenüber dem Verantwortlichen für die Einhaltung der Pflichten jenes Unterauftragsverarbeiters (Art. 28 Abs. 4 S. 2 DSGVO).',
    );
    const para = parseFixture('paragraphen.avv.md');
    const detailed = renderClause(para, library, 'art28-3-g-delete-return', 'detailed').split('\n\n');
    assert.equal(detailed.length, 3);
    assert.match(detailed[0]!, /^\(1\) Nach Abschluss der Erbringung der Verarbeitungsleistungen löscht der Auftragnehmer nach Wahl des Auftraggebers /u);
    assert.match(detailed[1]!, /^\(2\) Der Auftraggeber übt sein Wahlrecht nach Abs\. 1 /u);
    assert.equal(renderClause(para, library, 'no-such-clause'), '');
  });
});

interface InsertCase {
  fixture: string;
  requirement: string;
  /** The final provisions: their label before and after. */
  finalBefore: string;
  finalAfter: string;
  /** Label and first body line of the new section. */
  newLabel: string;
  firstLine: RegExp;
}

describe('insertMissingClause as a new section', () => {
  const cases: InsertCase[] = [
    { fixture: 'paragraphen.avv.md', requirement: 'art28-3-h-audits', finalBefore: '§ 12', finalAfter: '§ 13', newLabel: '§ 12', firstLine: /^\(1\) Der Auftragnehmer stellt dem Auftraggeber alle erforderlichen Informationen/u },
    { fixture: 'dezimal.avv.md', requirement: 'art28-3-h-audits', finalBefore: '11.', finalAfter: '12.', newLabel: '11.', firstLine: /^11\.1 Der Auftragsverarbeiter stellt dem Verantwortlichen alle erforderlichen/u },
    { fixture: 'crlf-ziffer.avv.md', requirement: 'art28-3-h-audits', finalBefore: 'Ziffer 12', finalAfter: 'Ziffer 13', newLabel: 'Ziffer 12', firstLine: /^\(1\) Der Auftragnehmer stellt dem Auftraggeber alle erforderlichen/u },
  ];
  for (const c of cases) {
    describe(c.fixture, () => {
      const before = parseFixture(c.fixture);
      const edits = insertMissingClause(before, library, c.requirement, undefined, 'detailed', 'section');
      const after = fix(before, edits);

      it('inserts the section before the final provisions, which move up by one', () => {
        assert.equal(section(before, /Schlussbestimmungen/u).label, c.finalBefore);
        assert.equal(section(after.parsed, /Schlussbestimmungen/u).label, c.finalAfter);
        const inserted = section(after.parsed, /^Nachweise und Überprüfungen$/u);
        assert.equal(after.parsed.model.sections.filter((s) => s.title === 'Nachweise und Überprüfungen').length, before.model.sections.filter((s) => s.title === 'Nachweise und Überprüfungen').length + 1);
        const lastInserted = after.parsed.model.sections.filter((s) => s.title === 'Nachweise und Überprüfungen').at(-1)!;
        assert.equal(lastInserted.label, c.newLabel);
        assert.ok(inserted);
        const body = after.parsed.source.text.slice(lastInserted.heading.end).replace(/^\s+/u, '');
        assert.match(body, c.firstLine);
      });

      it('keeps every pre-existing cross reference pointing at the same text', () => {
        const old = before.model.references.map((r) => [r.text, targetText(before, r)]);
        const inserted = after.parsed.model.sections.filter((s) => s.title === 'Nachweise und Überprüfungen').at(-1)!;
        const now = after.parsed.model.references.filter((r) => r.start < inserted.start || r.start >= inserted.end).map((r) => [r.text, targetText(after.parsed, r)]);
        assert.equal(now.length, old.length);
        now.forEach(([, target], i) => assert.equal(target, old[i]![1], `reference ${old[i]![0]} → ${now[i]![0]}`));
      });

      it('keeps the line breaks of the document', () => {
        const crlf = fixtureText(c.fixture).includes('\r\n');
        for (const e of edits) {
          if (crlf) assert.doesNotMatch(e.newText, /(?<!\r)\n/u);
          else assert.doesNotMatch(e.newText, /\r/u);
        }
        if (crlf) assert.doesNotMatch(after.text, /(?<!\r)\n/u);
      });

      it('is idempotent', () => {
        assert.deepEqual(insertMissingClause(after.parsed, library, c.requirement, undefined, 'detailed', 'section'), []);
      });
    });
  }

  it('rewrites a reference to the renumbered final provisions', () => {
    const before = parseFixture('crlf-ziffer.avv.md');
    const after = fix(before, insertMissingClause(before, library, 'art28-3-h-audits', undefined, 'short', 'section'));
    assert.ok(after.text.includes('gilt Ziffer 13 Abs. 2.'));
    assert.ok(after.text.includes('gemäß Ziffer 15.'), 'the dangling "Ziffer 14" moves up with the sections and stays dangling');
    assert.deepEqual(after.parsed.model.references.filter((r) => r.resolution === 'none' && !r.external).map((r) => r.text), ['Ziffer 15']);
  });

  it('renumbers decimal sub-sections and the references into them, exactly', () => {
    const text = [
      'zwischen der A GmbH (nachfolgend „Auftraggeber“) und der B GmbH (nachfolgend „Auftragnehmer“)',
      '',
      '**1. Gegenstand**',
      '',
      '1.1 Der Auftragnehmer hostet die Daten. Für Änderungen gilt Ziffer 2.2.',
      '',
      '**2. Schlussbestimmungen**',
      '',
      '2.1 Änderungen bedürfen der Textform.',
      '',
      '2.2 Ziffer 2.1 gilt auch für diese Klausel; Ziffer 1.1 bleibt unberührt.',
      '',
    ].join('\n');
    const before = parse(text);
    const after = fix(before, insertMissingClause(before, library, 'no-retention-right', undefined, 'short', 'section'));
    assert.equal(
      after.text,
      [
        'zwischen der A GmbH (nachfolgend „Auftraggeber“) und der B GmbH (nachfolgend „Auftragnehmer“)',
        '',
        '**1. Gegenstand**',
        '',
        '1.1 Der Auftragnehmer hostet die Daten. Für Änderungen gilt Ziffer 3.2.',
        '',
        '**2. Kein Zurückbehaltungsrecht**',
        '',
        '2.1 Ein Zurückbehaltungsrecht an den personenbezogenen Daten und den zugehörigen Datenträgern ist ausgeschlossen.',
        '',
        '**3. Schlussbestimmungen**',
        '',
        '3.1 Änderungen bedürfen der Textform.',
        '',
        '3.2 Ziffer 3.1 gilt auch für diese Klausel; Ziffer 1.1 bleibt unberührt.',
        '',
      ].join('\n'),
    );
    assert.deepEqual(after.parsed.model.references.map((r) => r.resolution), ['full', 'full', 'full']);
  });

  it('keeps a dangling reference dangling: it moves with the sections instead of naming the new one', () => {
    for (const final of [true, false]) {
      const text = [
        '## § 1 Gegenstand',
        '',
        'Der Auftragnehmer hostet die Daten; im Übrigen gilt § 3.',
        '',
        ...(final ? ['## § 2 Schlussbestimmungen', '', 'Änderungen bedürfen der Textform.', ''] : []),
      ].join('\n');
      const before = parse(text);
      const dangling = (p: ParsedContract) => p.model.references.filter((r) => r.resolution === 'none' && !r.external).map((r) => r.text);
      assert.deepEqual(dangling(before), ['§ 3'], 'the fixture has a dangling "§ 3"');
      let after = fix(before, insertMissingClause(before, library, 'no-retention-right', undefined, 'short', 'section'));
      after = fix(after.parsed, insertMissingClause(after.parsed, library, 'precedence-clause', undefined, 'short', 'section'));
      assert.equal(after.parsed.model.sections.length, final ? 4 : 3);
      // two new sections, each moves "§ 3" up by one: still one past the last section
      assert.deepEqual(dangling(after.parsed), ['§ 5'], final ? 'inserted before the final provisions' : 'appended after the last section');
    }
  });

  it('appends after the last section without renumbering roman numbering', () => {
    const before = parseFixture('roemisch.avv.md');
    const after = fix(before, insertMissingClause(before, library, 'art28-3-h-audits', undefined, 'short', 'section'));
    const labels = after.parsed.model.sections.map((s) => s.label);
    assert.deepEqual(labels.slice(0, -1), before.model.sections.map((s) => s.label));
    assert.equal(labels.at(-1), 'V.');
  });
});

describe('insertMissingClause as a new Absatz', () => {
  const cases: { fixture: string; requirement: string; home: RegExp; marker: string; text: RegExp }[] = [
    { fixture: 'paragraphen.avv.md', requirement: 'termination-for-cause', home: /Gegenstand und Dauer/u, marker: '(4)', text: /^\(4\) Der Auftraggeber kann diesen Vertrag und den Hauptvertrag fristlos kündigen/u },
    { fixture: 'dezimal.avv.md', requirement: 'seizure-insolvency-notice', home: /Pflichten des Auftragsverarbeiters/u, marker: '4.6', text: /^4\.6 Werden die personenbezogenen Daten beim Auftragsverarbeiter durch Pfändung/u },
    { fixture: 'crlf-ziffer.avv.md', requirement: 'art28-4-liability', home: /Unterauftragnehmer/u, marker: '(3)', text: /^\(3\) Kommt ein Unterauftragnehmer seinen Datenschutzpflichten nicht nach, haftet der Auftragnehmer/u },
  ];
  for (const c of cases) {
    it(`${c.fixture}: ${c.requirement} → ${c.marker}`, () => {
      const before = parseFixture(c.fixture);
      const anchor: Span = section(before, c.home);
      const after = fix(before, insertMissingClause(before, library, c.requirement, anchor));
      const target = section(after.parsed, c.home);
      const last = target.clauses.at(-1) ?? target.children.at(-1)!;
      const marker = 'marker' in last ? last.marker : last.label;
      assert.equal(marker, c.marker);
      assert.match(after.parsed.source.text.slice(last.start), c.text);
      assert.equal(after.parsed.model.sections.length, before.model.sections.length);
      assert.deepEqual(insertMissingClause(after.parsed, library, c.requirement, section(after.parsed, c.home)), [], 'idempotent');
    });
  }

  it('numbers an unnumbered section body before adding Absatz 2 (CRLF kept)', () => {
    const before = parseFixture('crlf-ziffer.avv.md');
    const edits = insertMissingClause(before, library, 'art33-3-breach-content', section(before, /Meldung von Datenschutzverletzungen/u));
    // the fixture's own sentence differs, so the clause is inserted
    const after = fix(before, edits);
    const target = section(after.parsed, /Meldung von Datenschutzverletzungen/u);
    assert.deepEqual(target.clauses.map((c) => c.marker), ['(1)', '(2)']);
    assert.doesNotMatch(after.text, /(?<!\r)\n/u);
  });
});

describe('completePartialClause', () => {
  const doc = [
    '# Vertrag',
    '',
    '## § 1 Kontrollen',
    '',
    '(1) Der Auftragnehmer stellt dem Auftraggeber auf Anfrage Zertifikate zur Verfügung.',
    '',
    '(2) Der Auftragnehmer meldet dem Auftraggeber Verletzungen des Schutzes personenbezogener Daten innerhalb von 72 Stunden nach Kenntnis.',
    '',
    '(3) Die Meldung enthält:',
    'a) die Art der Verletzung;',
    'b) die ergriffenen Maßnahmen.',
    '',
    '## § 2 Schlussbestimmungen',
    '',
    'Es gilt deutsches Recht.',
    '',
  ].join('\n');
  const at = (parsed: ParsedContract, words: string): Span => {
    const start = parsed.source.text.indexOf(words);
    return { start, end: start + words.length, range: parsed.source.range(start, start + words.length) };
  };

  const cases: { key: string; evidence: string; expected: string }[] = [
    {
      key: 'audits.add-inspections',
      evidence: 'Zertifikate',
      expected: '(1) Der Auftragnehmer stellt dem Auftraggeber auf Anfrage Zertifikate zur Verfügung. Der Auftragnehmer ermöglicht Überprüfungen einschließlich Inspektionen vor Ort, die vom Auftraggeber oder einem anderen von diesem beauftragten Prüfer durchgeführt werden, und trägt dazu bei (Art. 28 Abs. 3 UAbs. 1 S. 2 lit. h DSGVO).\n',
    },
    {
      key: 'breach.replace-72h',
      evidence: 'meldet',
      expected: '(2) Der Auftragnehmer meldet dem Auftraggeber Verletzungen des Schutzes personenbezogener Daten unverzüglich, spätestens jedoch innerhalb von 24 Stunden nach Kenntnis.\n',
    },
    {
      key: 'breach.add-content',
      evidence: 'Die Meldung enthält:',
      expected: 'b) die ergriffenen Maßnahmen.\nDie Meldung enthält zumindest eine Beschreibung der Art der Verletzung,',
    },
  ];
  for (const c of cases) {
    it(c.key, () => {
      const parsed = parse(doc);
      const once = fix(parsed, completePartialClause(parsed, library, c.key, at(parsed, c.evidence)));
      assert.ok(once.text.includes(c.expected), once.text);
      const twice = fix(once.parsed, completePartialClause(once.parsed, library, c.key, at(once.parsed, c.evidence)));
      assert.equal(twice.text, once.text, 'applying twice equals once');
    });
  }

  for (const written of ['unverzüglich, spätestens jedoch binnen 72 Stunden', 'unverzüglich, spätestens innerhalb von 72 Stunden', 'spätestens nach 96 Stunden']) {
    it(`breach.replace-72h: "${written}"`, () => {
      const parsed = parse(`## § 1 Meldung\n\n(1) Der Auftragnehmer meldet Verletzungen ${written} nach Kenntnis.\n`);
      const out = fix(parsed, completePartialClause(parsed, library, 'breach.replace-72h', at(parsed, 'meldet'))).text;
      assert.equal(out, '## § 1 Meldung\n\n(1) Der Auftragnehmer meldet Verletzungen unverzüglich, spätestens jedoch innerhalb von 24 Stunden nach Kenntnis.\n');
    });
  }

  it('inserts the sentence right after the one it completes, so that "Dies" refers to it', () => {
    const text = '## § 3 Weisungen\n\n(1) Der Auftragnehmer verarbeitet die Daten nur auf dokumentierte Weisung des Auftraggebers. Hält er eine Weisung für rechtswidrig, weist er den Auftraggeber darauf hin.\n';
    const parsed = parse(text);
    const once = fix(parsed, completePartialClause(parsed, library, 'instructions.add-third-country', at(parsed, 'Der Auftragnehmer verarbeitet die Daten nur auf dokumentierte Weisung des Auftraggebers.')));
    assert.match(once.text, /des Auftraggebers\. Dies gilt auch für die Übermittlung personenbezogener Daten an ein Drittland[^.]*\. Hält er eine Weisung/u);
    const twice = fix(once.parsed, completePartialClause(once.parsed, library, 'instructions.add-third-country', at(once.parsed, 'Der Auftragnehmer verarbeitet die Daten nur auf dokumentierte Weisung des Auftraggebers.')));
    assert.equal(twice.text, once.text, 'applying twice equals once');
  });

  it('puts a sentence that does not refer back at the end of the Absatz, never between a sentence and the next one\'s pronoun', () => {
    const text = '## § 4 Sicherheit\n\n(2) Die Maßnahmen unterliegen dem technischen Fortschritt. Der Auftragnehmer darf sie durch gleichwertige Maßnahmen ersetzen.\n';
    const parsed = parse(text);
    const out = fix(parsed, completePartialClause(parsed, library, 'tom-changes.add-approval', at(parsed, 'Die Maßnahmen unterliegen dem technischen Fortschritt.'))).text;
    assert.match(out, /dem technischen Fortschritt\. Der Auftragnehmer darf sie durch gleichwertige Maßnahmen ersetzen\. Änderungen der Maßnahmen/u);
  });

  it('returns nothing for an unknown key', () => {
    const parsed = parse(doc);
    assert.deepEqual(completePartialClause(parsed, library, 'no.such-key', at(parsed, 'Zertifikate')), []);
  });
});

describe('replaceOutdatedReference', () => {
  const cases: [rule: string, text: string, found: string, expected: string][] = [
    ['out-bdsg-af-11', 'Auftrag gemäß § 11 BDSG erteilt', '§ 11 BDSG', 'Auftrag gemäß Art. 28 DSGVO erteilt'],
    ['out-bdsg-af-11', 'nach § 11 Abs. 2 Nr. 1 BDSG', '§ 11 Abs. 2 Nr. 1 BDSG', 'nach Art. 28 DSGVO'],
    ['out-term-auftragsdatenverarbeitung', 'Vertrag zur Auftragsdatenverarbeitung', 'Auftragsdatenverarbeitung', 'Vertrag zur Auftragsverarbeitung'],
    ['out-term-auftragsdatenverarbeitung', 'Der Auftragsdatenverarbeitungsvertrag gilt', 'Auftragsdatenverarbeitung', 'Der Auftragsverarbeitungsvertrag gilt'],
    ['out-term-auftragsdatenverarbeitung', 'der ADV-Vertrag', 'ADV', 'der AVV-Vertrag'],
    ['out-bdsg-af-verfahrensverzeichnis', 'die Führung des Verfahrensverzeichnisses', 'Verfahrensverzeichnis', 'die Führung des Verzeichnisses von Verarbeitungstätigkeiten'],
    ['out-bdsg-af-verfahrensverzeichnis', 'ein Verfahrensverzeichnis führen', 'Verfahrensverzeichnis', 'ein Verzeichnis von Verarbeitungstätigkeiten führen'],
    ['out-bdsg-af-5-datengeheimnis', 'auf das Datengeheimnis verpflichtet', 'Datengeheimnis', 'auf die Vertraulichkeit verpflichtet'],
    ['out-bdsg-af-5-datengeheimnis', 'Wahrung des Datengeheimnisses', 'Datengeheimnis', 'Wahrung der Vertraulichkeit'],
    ['out-bdsg-af-5-datengeheimnis', 'verpflichtet seine Mitarbeiter auf das Datengeheimnis nach § 5 BDSG.', 'Datengeheimnis nach § 5 BDSG', 'verpflichtet seine Mitarbeiter auf die Vertraulichkeit (Art. 28 Abs. 3 UAbs. 1 S. 2 lit. b, Art. 29, Art. 32 Abs. 4 DSGVO).'],
    ['out-bdsg-af-9', 'trifft die Maßnahmen nach der Anlage zu § 9 Satz 1 BDSG.', 'Anlage zu § 9 Satz 1 BDSG', 'trifft die Maßnahmen nach Art. 32 DSGVO.'],
    ['out-term-sperrung', 'Gesperrte Daten sind zu löschen.', 'Gesperrte', 'In der Verarbeitung eingeschränkte Daten sind zu löschen.'],
    ['out-term-sperrung', 'die gesperrte Datei', 'gesperrte', 'die in der Verarbeitung eingeschränkte Datei'],
    ['out-term-sperrung', 'Berichtigung, Löschung und Sperrung von Daten', 'Sperrung', 'Berichtigung, Löschung und Einschränkung der Verarbeitung von Daten'],
    ['out-term-sperrung', 'Sperrungen der Daten', 'Sperrungen', 'Einschränkungen der Verarbeitung der Daten'],
    ['out-vergleichsverfahren', 'die Eröffnung eines Konkursverfahrens', 'Konkurs', 'die Eröffnung eines Insolvenzverfahrens'],
    ['out-vergleichsverfahren', 'im Falle des Konkurses', 'Konkurs', 'im Falle der Insolvenz'],
    ['out-dir-95-46', 'im Sinne der Richtlinie 95/46/EG', 'Richtlinie 95/46/EG', 'im Sinne der Verordnung (EU) 2016/679'],
    ['wrong-art26-instructions', 'Weisungen nach Art. 26 DSGVO', 'Art. 26 DSGVO', 'Weisungen nach Art. 28 Abs. 3 DSGVO'],
    ['out-art28-3-s3', 'gemäß Art. 28 Abs. 3 S. 3 DSGVO', 'Art. 28 Abs. 3 S. 3', 'gemäß Art. 28 Abs. 3 UAbs. 2 DSGVO'],
    ['out-iso27001-2013', 'zertifiziert nach ISO 27001:2013', 'ISO 27001:2013', 'zertifiziert nach ISO/IEC 27001:2022'],
    ['out-tmg-datenschutz', 'die Vorgaben des TTDSG', 'TTDSG', 'die Vorgaben des TDDDG'],
    ['wrong-processor-72h', 'Der Auftragnehmer meldet innerhalb von 72 Stunden.', 'innerhalb von 72 Stunden', 'Der Auftragnehmer meldet unverzüglich, spätestens jedoch innerhalb von 24 Stunden.'],
  ];
  for (const [rule, text, found, expected] of cases) {
    it(`${rule}: ${text}`, () => {
      const parsed = parse(text);
      const start = parsed.source.text.indexOf(found);
      const edits = replaceOutdatedReference(parsed, library, rule, parsed.source.range(start, start + found.length));
      assert.equal(applyEdits(text, edits), expected);
    });
  }

  it('leaves a compound alone when the modern form has several words', () => {
    const parsed = parse('Die Verfahrensverzeichnispflicht entfällt.');
    const edits = replaceOutdatedReference(parsed, library, 'out-bdsg-af-verfahrensverzeichnis', parsed.source.range(4, 25));
    assert.deepEqual(edits, []);
  });
});

describe('applyEdits', () => {
  const r = (l1: number, c1: number, l2: number, c2: number) => ({ start: { line: l1, character: c1 }, end: { line: l2, character: c2 } });
  it('applies unsorted edits, insertions at one position in the given order', () => {
    const out = applyEdits('ab\r\ncd', [
      { range: r(1, 1, 1, 2), newText: 'X' },
      { range: r(0, 0, 0, 0), newText: '1' },
      { range: r(0, 0, 0, 0), newText: '2' },
    ]);
    assert.equal(out, '12ab\r\ncX');
  });
  it('refuses overlapping edits', () => {
    assert.throws(() => applyEdits('abcdef', [{ range: r(0, 0, 0, 3), newText: '' }, { range: r(0, 2, 0, 4), newText: '' }]), /overlapping/u);
  });
});
