import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as l10n from '@vscode/l10n';
import Ajv from 'ajv';
import { normUnitHover } from '../../server/src/core/features/normHover.js';
import { citationHover } from '../../server/src/core/features/hover.js';
import { loadNormUnits, pathLabel, resolveUnit, type NormUnit } from '../../server/src/core/knowledge/units.js';
import type { Citation } from '../../server/src/core/model/types.js';
import { parse, repoRoot, testKnowledge } from '../support/helpers.js';

/** The norm structure data (data/norms/*-units.json, repealed.json), its resolution and the hover built on it. */

const dataDir = path.join(repoRoot, 'data');
const readJson = <T>(rel: string): T => JSON.parse(fs.readFileSync(path.join(repoRoot, rel), 'utf8')) as T;
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

interface UnitJson {
  kind: string;
  n: string;
  summary: string;
  units?: UnitJson[];
}
interface NormJson {
  article: string;
  url: string;
  complete: boolean;
  recitals?: number[];
  summary?: string;
  note?: string;
  units: UnitJson[];
}
interface UnitsFile {
  law: string;
  lastArticle: number;
  norms: NormJson[];
}
interface RepealedJson {
  entries: Array<{ id: string; kind: string; law?: string; article?: string; act?: string; end: { state: string; date: string }; replacedBy: Array<{ citation: string; url: string }>; source: string }>;
}

function validator(schemaRel: string) {
  return new Ajv({ allErrors: true, strict: true }).compile(readJson<object>(schemaRel));
}

const DSGVO_ARTICLES = ['4', '5', '9', '10', ...range(24, 39), ...range(44, 49), '82', '83'];
const BDSG_SECTIONS = ['1', '22', '26', '38', '62', '64'];

function range(from: number, to: number): string[] {
  return Array.from({ length: to - from + 1 }, (_, i) => String(from + i));
}

/** The single citation in `text`. */
function cite(text: string): Citation {
  const cs = parse(`# § 1 Test\n\n${text}\n`).model.citations;
  assert.equal(cs.length, 1, `expected one citation in "${text}", got ${cs.map((c) => c.text).join(' | ')}`);
  return cs[0] as Citation;
}

function walk(units: UnitJson[], visit: (u: UnitJson, siblings: UnitJson[]) => void): void {
  for (const u of units) {
    visit(u, units);
    walk(u.units ?? [], visit);
  }
}

describe('norm structure data', () => {
  const dsgvo = readJson<UnitsFile>('data/norms/dsgvo-units.json');
  const bdsg = readJson<UnitsFile>('data/norms/bdsg-units.json');
  const repealed = readJson<RepealedJson>('data/norms/repealed.json');

  describe('schemas', () => {
    const cases: ReadonlyArray<readonly [string, string]> = [
      ['data/norms/dsgvo-units.json', 'data/schema/norm-units.schema.json'],
      ['data/norms/bdsg-units.json', 'data/schema/norm-units.schema.json'],
      ['data/norms/repealed.json', 'data/schema/repealed.schema.json'],
    ];
    for (const [file, schema] of cases) {
      it(`${file} is valid against ${schema}`, () => {
        const validate = validator(schema);
        assert.ok(validate(readJson<unknown>(file)), new Ajv().errorsText(validate.errors));
      });
    }

    it('reject broken entries', () => {
      const validate = validator('data/schema/norm-units.schema.json');
      const numericLetter = clone(dsgvo);
      (numericLetter.norms.find((n) => n.article === '28')?.units[2]?.units?.[0]?.units?.[1]?.units?.[0] as UnitJson).n = '1';
      assert.equal(validate(numericLetter), false, 'lit. with a number');
      const noSummary = clone(dsgvo) as unknown as { norms: Array<{ units: Array<Partial<UnitJson>> }> };
      delete noSummary.norms[0]?.units[0]?.summary;
      assert.equal(validate(noSummary), false, 'unit without summary');
      const bareNorm = clone(dsgvo);
      delete (bareNorm.norms.find((n) => n.article === '29') as NormJson).summary;
      assert.equal(validate(bareNorm), false, 'norm without units and without summary');
      const badRecital = clone(dsgvo);
      (badRecital.norms[0] as NormJson).recitals = [174];
      assert.equal(validate(badRecital), false, 'recital 174');

      const validateRepealed = validator('data/schema/repealed.schema.json');
      const actWithLaw = clone(repealed);
      const act = actWithLaw.entries.find((e) => e.kind === 'act');
      if (act) act.law = 'BDSG-alt';
      assert.equal(validateRepealed(actWithLaw), false, 'act entry with a law');
      const noReplacement = clone(repealed);
      (noReplacement.entries[0] as RepealedJson['entries'][number]).replacedBy = [];
      assert.equal(validateRepealed(noReplacement), false, 'entry without replacement');
    });
  });

  it('covers every DSGVO article required for processor contracts, in order, with the article URL', () => {
    assert.deepEqual(dsgvo.norms.map((n) => n.article), DSGVO_ARTICLES);
    const titles = readJson<{ norms: Array<{ article: string; url: string }> }>('data/norms/dsgvo.json').norms;
    for (const n of dsgvo.norms) {
      assert.ok(n.units.length > 0 || n.summary, `Art. ${n.article} has neither units nor a summary`);
      assert.equal(n.url, titles.find((t) => t.article === n.article)?.url, `Art. ${n.article}: url`);
      assert.ok(n.complete, `Art. ${n.article}: DSGVO structure must be complete`);
    }
    assert.equal(dsgvo.lastArticle, 99);
  });

  it('covers the BDSG sections §§ 1, 22, 26, 38, 62, 64 with gesetze-im-internet links', () => {
    assert.deepEqual(bdsg.norms.map((n) => n.article), BDSG_SECTIONS);
    for (const n of bdsg.norms) assert.equal(n.url, `https://www.gesetze-im-internet.de/bdsg_2018/__${n.article}.html`);
    assert.equal(bdsg.lastArticle, 86);
  });

  it('numbers every level without gaps: 1, 2, 3 … and a, b, c …', () => {
    for (const file of [dsgvo, bdsg]) {
      for (const norm of file.norms) {
        const check = (units: UnitJson[], where: string) => {
          const kinds = [...new Set(units.map((u) => u.kind))];
          for (const kind of kinds) {
            const ns = units.filter((u) => u.kind === kind).map((u) => u.n);
            const expected = kind === 'lit.' ? ns.map((_, i) => String.fromCharCode(97 + i)) : ns.map((_, i) => String(i + 1));
            assert.deepEqual(ns, expected, `${file.law} ${norm.article}${where}: ${kind}`);
          }
          for (const u of units) check(u.units ?? [], `${where} ${u.kind} ${u.n}`);
        };
        check(norm.units, '');
      }
    }
  });

  it('lists UAbs. and S. only where a unit has more than one', () => {
    for (const file of [dsgvo, bdsg]) {
      for (const norm of file.norms) {
        walk([{ kind: 'Art.', n: norm.article, summary: '', units: norm.units }], (u) => {
          for (const kind of ['UAbs.', 'S.']) {
            const count = (u.units ?? []).filter((c) => c.kind === kind).length;
            assert.notEqual(count, 1, `${file.law} ${norm.article}: ${u.kind} ${u.n} lists a single ${kind}`);
          }
        });
      }
    }
  });

  it('has clean summaries: NFC, trimmed, single spaces, full stop at the end', () => {
    for (const file of [dsgvo, bdsg]) {
      for (const norm of file.norms) {
        const texts = [norm.summary, norm.note].filter((t): t is string => !!t);
        walk(norm.units, (u) => texts.push(u.summary));
        for (const t of texts) {
          assert.equal(t, t.normalize('NFC').trim(), `${norm.article}: ${t}`);
          assert.doesNotMatch(t, /\s{2,}/, `${norm.article}: double space in ${t}`);
          assert.match(t, /[.)]$/, `${norm.article}: ${t}`);
        }
      }
    }
  });

  it('keeps related recitals sorted, unique and within 1–173', () => {
    for (const n of dsgvo.norms) {
      const r = n.recitals ?? [];
      assert.deepEqual(r, [...new Set(r)].sort((a, b) => a - b), `Art. ${n.article}`);
      for (const x of r) assert.ok(x >= 1 && x <= 173, `Art. ${n.article}: recital ${x}`);
    }
    assert.deepEqual(dsgvo.norms.find((n) => n.article === '28')?.recitals, [81]);
  });

  it('structures Art. 28 as the official text does: Abs. 1–10, Abs. 3 UAbs. 1 S. 1–2 with lit. a–h and UAbs. 2', () => {
    const art28 = dsgvo.norms.find((n) => n.article === '28') as NormJson;
    const label = (units: UnitJson[] | undefined) => (units ?? []).map((u) => `${u.kind} ${u.n}`);
    assert.deepEqual(label(art28.units), range(1, 10).map((n) => `Abs. ${n}`));
    const abs3 = art28.units[2] as UnitJson;
    assert.deepEqual(label(abs3.units), ['UAbs. 1', 'UAbs. 2']);
    assert.deepEqual(label(abs3.units?.[0]?.units), ['S. 1', 'S. 2']);
    assert.deepEqual(label(abs3.units?.[0]?.units?.[1]?.units), ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((l) => `lit. ${l}`));
    assert.equal(abs3.units?.[1]?.units, undefined, 'UAbs. 2 is a single sentence');
    assert.match(abs3.units?.[0]?.units?.[0]?.summary ?? '', /Gegenstand und Dauer, Art und Zweck der Verarbeitung, die Art der personenbezogenen Daten, die Kategorien betroffener Personen sowie die Pflichten und Rechte des Verantwortlichen/);
    assert.match(abs3.units?.[1]?.summary ?? '', /unverzüglich, wenn eine Weisung/);
    assert.deepEqual(label(art28.units[1]?.units), ['S. 1', 'S. 2']);
    assert.deepEqual(label(art28.units[3]?.units), ['S. 1', 'S. 2']);
  });

  it('numbers the definitions of Art. 4 as Nr. 1–26', () => {
    const art4 = dsgvo.norms.find((n) => n.article === '4') as NormJson;
    assert.deepEqual(art4.units.map((u) => `${u.kind} ${u.n}`), range(1, 26).map((n) => `Nr. ${n}`));
  });

  it('names the fourteen control objectives of § 64 Abs. 3 S. 1 BDSG in order, and S. 2', () => {
    const abs3 = bdsg.norms.find((n) => n.article === '64')?.units[2] as UnitJson;
    assert.deepEqual(abs3.units?.map((u) => `${u.kind} ${u.n}`), ['S. 1', 'S. 2']);
    const names = abs3.units?.[0]?.units?.map((u) => u.summary.split(':')[0]);
    assert.deepEqual(names, [
      'Zugangskontrolle', 'Datenträgerkontrolle', 'Speicherkontrolle', 'Benutzerkontrolle', 'Zugriffskontrolle', 'Übertragungskontrolle',
      'Eingabekontrolle', 'Transportkontrolle', 'Wiederherstellbarkeit', 'Zuverlässigkeit', 'Datenintegrität', 'Auftragskontrolle',
      'Verfügbarkeitskontrolle', 'Trennbarkeit',
    ]);
  });

  it('notes the CJEU judgment C-34/21 of 30.03.2023 on § 26 Abs. 1 S. 1 BDSG', () => {
    const note = bdsg.norms.find((n) => n.article === '26')?.note ?? '';
    assert.match(note, /^EuGH, Urt\. v\. 30\.03\.2023, C-34\/21 /);
    assert.match(note, /§ 26 Abs\. 1 S\. 1 BDSG/);
    assert.match(note, /Art\. 88 Abs\. 2 DSGVO/);
  });

  it('lists the repealed norms and acts with date, successor and source', () => {
    const norms = repealed.entries.filter((e) => e.kind === 'norm').map((e) => `${e.law} ${e.article}`);
    assert.deepEqual(norms, ['4f', '4g', '5', '9', '11', '42a'].map((a) => `BDSG-alt ${a}`));
    const acts = new Map(repealed.entries.filter((e) => e.kind === 'act').map((e) => [e.act, e]));
    assert.deepEqual([acts.get('95/46')?.end, acts.get('2000/520')?.end.date, acts.get('2016/1250')?.end.date], [
      { state: 'repealed', date: '2018-05-25', by: 'Art. 94 Abs. 1 DSGVO' },
      '2015-10-06',
      '2020-07-16',
    ]);
    const euActs = testKnowledge().euActs;
    for (const [id, e] of acts) {
      assert.ok(euActs.has(id ?? ''), `${id} is not in eu-acts.json`);
      assert.equal(e.source, euActs.get(id ?? '')?.url, `${id}: source`);
    }
    for (const e of repealed.entries) {
      assert.ok(e.replacedBy.length > 0, e.id);
      for (const r of e.replacedBy) assert.match(r.url, /^https:\/\/(eur-lex\.europa\.eu|www\.gesetze-im-internet\.de)\//, `${e.id}: ${r.citation}`);
    }
    const safeHarbor = acts.get('2000/520');
    assert.ok(safeHarbor?.replacedBy.some((r) => r.citation.includes('2023/1795')));
    assert.ok(safeHarbor?.replacedBy.some((r) => r.citation.includes('2021/914')));
  });
});

describe('resolveUnit', () => {
  const units = loadNormUnits(dataDir);
  const cases: ReadonlyArray<readonly [string, string, string]> = [
    // citation, status, resolved path ("*" marks a level the citation left out)
    ['Art. 28 Abs. 3 UAbs. 1 S. 2 lit. h DSGVO', 'found', 'Abs. 3 UAbs. 1 S. 2 lit. h'],
    ['Art. 28 Abs. 3 S. 2 lit. a DSGVO', 'found', 'Abs. 3 *UAbs. 1 S. 2 lit. a'],
    ['Art. 28 Abs. 3 lit. h DSGVO', 'found', 'Abs. 3 *UAbs. 1 *S. 2 lit. h'],
    ['Art. 28 Abs. 3 S. 1 DSGVO', 'found', 'Abs. 3 *UAbs. 1 S. 1'],
    ['Artikel 28 Absatz 3 Unterabsatz 2 DSGVO', 'found', 'Abs. 3 UAbs. 2'],
    ['Art. 28 Abs. 9 S. 1 DSGVO', 'found', 'Abs. 9 S. 1'],
    ['Art. 4 Nr. 7 DSGVO', 'found', 'Nr. 7'],
    ['Art. 32 Abs. 1 lit. b DSGVO', 'found', 'Abs. 1 lit. b'],
    ['Art. 49 Abs. 1 lit. a DSGVO', 'found', 'Abs. 1 *UAbs. 1 lit. a'],
    ['§ 64 Abs. 3 Nr. 12 BDSG', 'found', 'Abs. 3 *S. 1 Nr. 12'],
    ['§ 64 Abs. 3 S. 1 Nr. 14 BDSG', 'found', 'Abs. 3 S. 1 Nr. 14'],
    ['Art. 28 DSGVO', 'found', ''],
    ['Art. 28 Abs. 11 DSGVO', 'missing', ''],
    ['Art. 28 Abs. 3 UAbs. 3 DSGVO', 'missing', 'Abs. 3'],
    ['Art. 28 Abs. 3 S. 2 lit. i DSGVO', 'missing', 'Abs. 3 *UAbs. 1 S. 2'],
    ['Art. 4 Abs. 7 DSGVO', 'missing', ''],
    ['Art. 29 S. 2 DSGVO', 'missing', ''],
    ['Art. 100 DSGVO', 'no-article', ''],
    ['Art. 6 Abs. 1 DSGVO', 'unstructured', ''],
    ['§ 280 BGB', 'unknown-law', ''],
  ];
  for (const [text, status, expected] of cases) {
    it(`${text} → ${status}${expected ? `: ${expected}` : ''}`, () => {
      const r = resolveUnit(cite(text), units);
      assert.equal(r.status, status);
      if (r.status === 'found' || r.status === 'missing') {
        assert.equal(r.path.map((s) => `${s.implied ? '*' : ''}${s.kind} ${s.n}`).join(' '), expected);
      }
    });
  }

  it('leaves units below an incompletely recorded norm unrecorded instead of calling them wrong', () => {
    const r = resolveUnit(cite('§ 22 Abs. 1 Nr. 1 lit. b BDSG'), units);
    assert.equal(r.status, 'found');
    if (r.status === 'found') {
      assert.equal(pathLabel(r.path), 'Abs. 1 Nr. 1');
      assert.deepEqual(r.unrecorded, [{ kind: 'lit.', n: 'b' }]);
    }
  });

  it('keeps the loaded units in the shape of the data', () => {
    const art28 = units.laws.get('DSGVO')?.norms.get('28');
    const lits = (art28?.units[2]?.units?.[0]?.units?.[1]?.units ?? []) as NormUnit[];
    assert.deepEqual(lits.map((u) => u.n), ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']);
    assert.equal(units.repealedNorms.get('BDSG-alt 11')?.replacedBy[0]?.citation, 'Art. 28 DSGVO');
    assert.equal(units.repealedActs.get('2016/1250')?.end.state, 'invalid');
  });
});

describe('normUnitHover', () => {
  // Messages are asserted in the English source strings; other tests may have loaded the German bundle.
  before(() => l10n.config({ contents: {} }));

  const units = loadNormUnits(dataDir);
  const k = testKnowledge();
  const EURLEX = 'https://eur-lex.europa.eu/legal-content/DE/TXT/HTML/?uri=CELEX:32016R0679';
  const hoverOf = (text: string) => normUnitHover(cite(text), k, units);

  it('cites exactly Art. 28 Abs. 3 UAbs. 1 S. 2 lit. h with title, path, summary, chapter, recitals and link', () => {
    assert.equal(
      hoverOf('Art. 28 Abs. 3 UAbs. 1 S. 2 lit. h DSGVO'),
      [
        '**Art. 28 DSGVO** – Auftragsverarbeiter',
        '**Abs. 3 › UAbs. 1 › S. 2 › lit. h**: Bereitstellung aller Informationen zum Nachweis der Pflichten aus Art. 28 sowie Ermöglichung von und Mitwirkung an Überprüfungen einschließlich Inspektionen durch den Verantwortlichen oder einen von ihm beauftragten Prüfer.',
        'Chapter IV: Verantwortlicher und Auftragsverarbeiter',
        `Recitals: [81](${EURLEX}#rct_81)`,
        `[Official text](${EURLEX}#art_28)`,
      ].join('\n\n'),
    );
  });

  const fragments: ReadonlyArray<readonly [string, readonly string[], readonly string[]]> = [
    // citation, fragments that must appear, fragments that must not
    ['Art. 28 Abs. 3 S. 2 lit. a DSGVO', ['**Abs. 3 › UAbs. 1 › S. 2 › lit. a**: Verarbeitung nur auf dokumentierte Weisung', '_Short form, read as Art. 28 Abs. 3 UAbs. 1 S. 2 lit. a._'], ['⚠']],
    ['Art. 28 Abs. 3 lit. h DSGVO', ['**Abs. 3 › UAbs. 1 › S. 2 › lit. h**: Bereitstellung', '_Short form, read as Art. 28 Abs. 3 UAbs. 1 S. 2 lit. h._'], []],
    ['Art. 28 Abs. 3 UAbs. 2 DSGVO', ['**Abs. 3 › UAbs. 2**: Mit Blick auf UAbs. 1 lit. h informiert der Auftragsverarbeiter'], ['Short form']],
    ['Art. 28 Abs. 11 DSGVO', ['**Art. 28 DSGVO** – Auftragsverarbeiter', '⚠ Art. 28 has only 10 paragraphs (Abs.).'], ['›']],
    ['Art. 28 Abs. 3 S. 2 lit. i DSGVO', ['⚠ Art. 28 Abs. 3 UAbs. 1 S. 2 has only the letters a–h.'], []],
    ['Art. 4 Abs. 7 DSGVO', ['⚠ Art. 4 has no Abs.; it is divided into Nr. 1–26.'], []],
    ['Art. 100 DSGVO', ['**Art. 100 DSGVO**\n\n⚠ The DSGVO has only 99 articles.'], ['Official text']],
    ['Art. 28 DSGVO', ['- **Abs. 1**: Der Verantwortliche arbeitet nur mit Auftragsverarbeitern', '- **Abs. 10**: Bestimmt ein Auftragsverarbeiter'], []],
    ['Art. 29 DSGVO', ['Der Auftragsverarbeiter und jede dem Verantwortlichen oder Auftragsverarbeiter unterstellte Person'], []],
    ['Art. 4 Nr. 8 DSGVO', ['**Nr. 8**: Auftragsverarbeiter ist', 'Chapter I: Allgemeine Bestimmungen'], []],
    ['Art. 32–36 DSGVO', [
      '**Art. 32–36 DSGVO**',
      `- [Art. 32](${EURLEX}#art_32) – Sicherheit der Verarbeitung\n- [Art. 33](${EURLEX}#art_33) – Meldung von Verletzungen des Schutzes personenbezogener Daten an die Aufsichtsbehörde`,
      `- [Art. 35](${EURLEX}#art_35) – Datenschutz-Folgenabschätzung\n- [Art. 36](${EURLEX}#art_36) – Vorherige Konsultation`,
    ], ['Art. 37']],
    ['Art. 32 bis 36 DSGVO', ['**Art. 32–36 DSGVO**', '– Vorherige Konsultation'], []],
    ['Art. 44 ff. DSGVO', ['**Art. 44 ff. DSGVO**', 'Chapter V: Übermittlungen personenbezogener Daten an Drittländer oder an internationale Organisationen', `- [Art. 50](${EURLEX}#art_50) – Internationale Zusammenarbeit zum Schutz personenbezogener Daten`], ['Art. 51', 'Art. 43']],
    ['§ 64 Abs. 3 S. 1 Nr. 1 BDSG', ['**§ 64 BDSG** – Anforderungen an die Sicherheit der Datenverarbeitung', '**Abs. 3 › S. 1 › Nr. 1**: Zugangskontrolle:', '[Official text](https://www.gesetze-im-internet.de/bdsg_2018/__64.html)'], ['Short form']],
    ['§ 64 Abs. 3 Nr. 4 BDSG', ['**Abs. 3 › S. 1 › Nr. 4**: Benutzerkontrolle:', '_Short form, read as § 64 Abs. 3 S. 1 Nr. 4._'], []],
    ['§ 26 Abs. 1 S. 1 BDSG', ['**Abs. 1 › S. 1**: Beschäftigtendaten dürfen verarbeitet werden', 'Note: EuGH, Urt. v. 30.03.2023, C-34/21'], []],
    ['§ 22 Abs. 1 Nr. 1 lit. b BDSG', ['**Abs. 1 › Nr. 1**:', '_lit. b is not recorded in detail; the summary is that of the enclosing unit._'], ['⚠']],
    ['§ 11 BDSG a.F.', [
      '**§ 11 BDSG a. F.** – Erhebung, Verarbeitung oder Nutzung personenbezogener Daten im Auftrag',
      '⚠ Repealed with effect from 25.05.2018 (Art. 8 Abs. 1 DSAnpUG-EU vom 30.06.2017 (BGBl. I S. 2097)).',
      `Replaced by:\n- [Art. 28 DSGVO](${EURLEX}#art_28): Auftragsverarbeitung;`,
    ], []],
    ['§ 9 BDSG a.F.', ['**Anlage (zu § 9 Satz 1)**: Acht Kontrollen', '- [§ 64 Abs. 3 S. 1 BDSG](https://www.gesetze-im-internet.de/bdsg_2018/__64.html)'], []],
    ['§ 42a BDSG a.F.', [`- [Art. 33 DSGVO](${EURLEX}#art_33)`, `- [Art. 34 DSGVO](${EURLEX}#art_34)`], []],
    ['Richtlinie 95/46/EG', ['**Richtlinie 95/46/EG** – Datenschutzrichtlinie', '⚠ Repealed with effect from 25.05.2018 (Art. 94 Abs. 1 DSGVO).', '[Official text](https://eur-lex.europa.eu/legal-content/DE/TXT/?uri=CELEX:31995L0046)'], []],
  ];
  for (const [text, present, absent] of fragments) {
    it(`${text}`, () => {
      const md = hoverOf(text);
      for (const f of present) assert.ok(md.includes(f), `missing fragment:\n${f}\n--- in ---\n${md}`);
      for (const f of absent) assert.ok(!md.includes(f), `unexpected fragment ${f} in:\n${md}`);
    });
  }

  it('shows a recital with its number and link, and says when it does not exist', () => {
    assert.equal(hoverOf('ErwG 81'), `**Recital 81 DSGVO**\n\n[Official text](${EURLEX}#rct_81)`);
    assert.equal(hoverOf('ErwG 174'), '**Recital 174 DSGVO**\n\n⚠ The DSGVO has only 173 recitals.');
  });

  it('falls back to the general citation hover where the data has no structure', () => {
    for (const text of ['§ 280 BGB', 'Art. 6 Abs. 1 DSGVO', 'Durchführungsbeschluss (EU) 2021/914']) {
      const c = cite(text);
      assert.equal(normUnitHover(c, k, units), citationHover(c, k), text);
    }
  });
});
