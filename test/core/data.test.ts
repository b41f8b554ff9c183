import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';

/**
 * Checks the legal content in data/: every file against its schema, the catalogue against the specification
 * (when the spec folder is available), and every outdated-reference pattern against its own examples.
 */

// Compiled to out/test/core/, so the repository root is three levels up.
const ROOT = path.resolve(__dirname, '../../..');

interface Text {
  de: string;
  en: string;
}
type Kind = 'requirement' | 'outdated-reference' | 'structure';
interface Rule {
  id: string;
  kind: Kind;
  norm: string | null;
  severity: string;
  severityInParties?: string;
  disputed: boolean;
  conditional: boolean;
  fixable: boolean;
  title: Text;
  description: Text;
  partial: Text[];
  keywords: string[];
  replacement?: string;
  patterns?: string[];
  examples?: { match: string[]; noMatch: string[] };
  sources: string[];
}
interface RuleFile {
  version: number;
  patternFlags: string;
  rules: Rule[];
}
interface Division {
  number: string;
  title: string;
}
interface Norm {
  article: string;
  title: string;
  part?: Division;
  chapter: Division;
  section?: Division;
  url: string;
}
interface NormFile {
  law: string;
  unit: string;
  norms: Norm[];
}
interface Law {
  id: string;
  name: string;
  aliases: string[];
  unit: string;
  urlPattern: string | null;
  euAct?: string;
  repealed?: { date: string; replacedBy: string[] };
}
interface Act {
  id: string;
  designation: string;
  title: string;
  date: string;
  celex: string;
  url: string;
  status: { state: string; date?: string; transitionalUntil?: string; judgment?: { case: string; date: string } };
}

const SEVERITIES = ['error', 'warning', 'info', 'hint'];

function readJson<T>(rel: string): T {
  return JSON.parse(fs.readFileSync(path.join(ROOT, rel), 'utf8')) as T;
}

const FILES: ReadonlyArray<readonly [string, string]> = [
  ['data/rules.json', 'data/schema/rules.schema.json'],
  ['data/norms/dsgvo.json', 'data/schema/norms.schema.json'],
  ['data/norms/bdsg.json', 'data/schema/norms.schema.json'],
  ['data/norms/laws.json', 'data/schema/laws.schema.json'],
  ['data/norms/eu-acts.json', 'data/schema/eu-acts.schema.json'],
];

function validator(schemaRel: string) {
  const ajv = new Ajv({ allErrors: true, strict: true });
  return ajv.compile(readJson<object>(schemaRel));
}

function assertValid(schemaRel: string, data: unknown, label: string): void {
  const validate = validator(schemaRel);
  const ok = validate(data);
  assert.ok(ok, `${label}: ${new Ajv().errorsText(validate.errors, { separator: '\n  ' })}`);
}

function assertInvalid(schemaRel: string, data: unknown, label: string): void {
  assert.equal(validator(schemaRel)(data), false, `${label} should be rejected by ${schemaRel}`);
}

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/**
 * Where the specification lives: $AVV_SPEC_DIR if set (and only there), else the shared folder or shared/ beside
 * the clone (CI). Undefined when none exists.
 */
function findSpecDir(): string | undefined {
  const env = process.env.AVV_SPEC_DIR;
  const candidates = env ? [env] : ['/work/shared/spec', path.resolve(ROOT, '../shared/spec')];
  return candidates.find((dir) => fs.existsSync(path.join(dir, 'requirements.md')));
}

/** The cells of every table body row of a markdown file. */
function tableRows(file: string): string[][] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('|') && !/^\|\s*:?-/.test(line))
    .map((line) => {
      const trimmed = line.trim();
      return trimmed.slice(1, trimmed.endsWith('|') ? -1 : undefined).split('|').map((cell) => cell.trim());
    });
}

const severityOf = (cell: string): string | undefined => /^(error|warning|info|hint)\b/.exec(cell)?.[1];
const quotedTerms = (cell: string): string[] => [...cell.matchAll(/„([^“]+)“/g)].map((m) => m[1] as string);
const unticked = (cell: string): string => cell.replace(/`/g, '');

const ABBREVIATIONS = [
  'z. B.', 'd. h.', 'i. V. m.', 'u. a.', 'h. M.', 'a. F.', 'n. F.', 'a.F.', 'n.F.', 'e.g.', 'i.e.', 'bzw.', 'vgl.',
  'ggf.', 'insb.', 'etc.', 'sog.', 'gem.', 'entspr.', 'Art.', 'Abs.', 'UAbs.', 'Nr.', 'lit.', 'Hs.', 'Kap.', 'Rn.',
  'Urt.', 'Abschn.', 'Ziff.', 'S.', 'v.', 'no.', 'nos.', 'para.',
];
const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Rough sentence count: sentence ends are ., ! or ? before an upper-case start or the end of the text. */
function sentenceCount(text: string): number {
  let masked = text;
  for (const abbr of ABBREVIATIONS) {
    masked = masked.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRe(abbr)}`, 'gu'), abbr.replace(/\./g, '·'));
  }
  return (masked.match(/[.!?]["“”'’)\]]*(?=\s+["„“'(]?[A-ZÄÖÜ0-9§]|\s*$)/g) ?? []).length;
}

describe('data files', () => {
  const ruleFile = readJson<RuleFile>('data/rules.json');
  const rules = ruleFile.rules;
  const byKind = (kind: Kind): Rule[] => rules.filter((r) => r.kind === kind);
  const outdated = byKind('outdated-reference');
  const compile = (source: string): RegExp => new RegExp(source, ruleFile.patternFlags);

  describe('schemas', () => {
    for (const [file, schema] of FILES) {
      it(`${file} is valid against ${schema}`, () => {
        assertValid(schema, readJson<unknown>(file), file);
      });
    }

    it('the schemas reject broken entries', () => {
      const broken = clone(ruleFile);
      (broken.rules[0] as Rule).severity = 'fatal';
      assertInvalid('data/schema/rules.schema.json', broken, 'unknown severity');

      const noPatterns = clone(ruleFile);
      delete (noPatterns.rules.find((r) => r.kind === 'outdated-reference') as Rule).patterns;
      assertInvalid('data/schema/rules.schema.json', noPatterns, 'outdated reference without patterns');

      const strayPatterns = clone(ruleFile);
      (strayPatterns.rules[0] as Rule).patterns = ['x'];
      assertInvalid('data/schema/rules.schema.json', strayPatterns, 'requirement with patterns');

      const noEnglish = clone(ruleFile) as unknown as { rules: Array<{ title: Partial<Text> }> };
      delete noEnglish.rules[0]?.title.en;
      assertInvalid('data/schema/rules.schema.json', noEnglish, 'title without English text');

      const laws = readJson<{ laws: Law[] }>('data/norms/laws.json');
      const repealedWithUrl = clone(laws);
      (repealedWithUrl.laws.find((l) => l.repealed) as Law).urlPattern = 'https://example.org/{n}';
      assertInvalid('data/schema/laws.schema.json', repealedWithUrl, 'repealed law with a URL pattern');

      const acts = readJson<{ acts: Act[] }>('data/norms/eu-acts.json');
      const invalidWithoutJudgment = clone(acts);
      delete (invalidWithoutJudgment.acts.find((a) => a.status.state === 'invalid') as Act).status.judgment;
      assertInvalid('data/schema/eu-acts.schema.json', invalidWithoutJudgment, 'invalid act without judgment');

      const dsgvo = readJson<NormFile>('data/norms/dsgvo.json');
      const untitled = clone(dsgvo) as unknown as { norms: Array<Partial<Norm>> };
      delete untitled.norms[0]?.title;
      assertInvalid('data/schema/norms.schema.json', untitled, 'norm without title');
    });
  });

  describe('rules.json', () => {
    it('holds 44 requirements, 29 outdated references and 14 structure checks, in that order', () => {
      assert.equal(byKind('requirement').length, 44);
      assert.equal(outdated.length, 29);
      assert.equal(byKind('structure').length, 14);
      const order = rules.map((r) => r.kind);
      const sorted = [...order].sort((a, b) => ['requirement', 'outdated-reference', 'structure'].indexOf(a) - ['requirement', 'outdated-reference', 'structure'].indexOf(b));
      assert.deepEqual(order, sorted);
    });

    it('has unique ids', () => {
      const seen = new Set<string>();
      for (const rule of rules) {
        assert.ok(!seen.has(rule.id), `duplicate id ${rule.id}`);
        seen.add(rule.id);
      }
      assert.ok(!seen.has('signature-block'), 'signature-block is covered by art28-9-written-form');
      assert.ok(seen.has('art28-9-written-form'));
    });

    it('uses valid severities; only placeholder has a parties severity', () => {
      for (const rule of rules) {
        assert.ok(SEVERITIES.includes(rule.severity), `${rule.id}: severity ${rule.severity}`);
        if (rule.id === 'placeholder') {
          assert.equal(rule.severity, 'warning');
          assert.equal(rule.severityInParties, 'error');
        } else {
          assert.equal(rule.severityInParties, undefined, `${rule.id}: unexpected severityInParties`);
        }
      }
    });

    it('marks exactly the two conditional requirements', () => {
      const conditional = rules.filter((r) => r.conditional).map((r) => r.id).sort();
      assert.deepEqual(conditional, ['sensitive-data-safeguards', 'subprocessor-ancillary-scope']);
    });

    it('marks only numbering-gap and conversion-artifact as fixable structure checks', () => {
      const fixable = byKind('structure').filter((r) => r.fixable).map((r) => r.id).sort();
      assert.deepEqual(fixable, ['conversion-artifact', 'numbering-gap']);
    });

    it('says "umstritten" wherever a rule is disputed', () => {
      for (const rule of rules.filter((r) => r.disputed)) {
        const german = [rule.description.de, ...rule.partial.map((p) => p.de)].join(' ');
        assert.match(german, /umstritten/, `${rule.id} is disputed but its text does not say so`);
      }
    });

    it('has clean texts: NFC, trimmed, descriptions of two to four sentences', () => {
      for (const rule of rules) {
        const texts = [rule.title, rule.description, ...rule.partial];
        for (const text of texts) {
          for (const lang of ['de', 'en'] as const) {
            const s = text[lang];
            assert.equal(s, s.normalize('NFC'), `${rule.id}: not NFC: ${s}`);
            assert.equal(s, s.trim(), `${rule.id}: untrimmed: ${s}`);
            assert.doesNotMatch(s, /\s{2,}/, `${rule.id}: double space: ${s}`);
          }
        }
        for (const lang of ['de', 'en'] as const) {
          const n = sentenceCount(rule.description[lang]);
          assert.ok(n >= 2 && n <= 4, `${rule.id}: description.${lang} has ${n} sentences`);
          assert.match(rule.description[lang], /[.!?]["“”]?$/, `${rule.id}: description.${lang} does not end a sentence`);
        }
        for (const keyword of rule.keywords) {
          assert.equal(keyword, keyword.normalize('NFC').toLocaleLowerCase('de').trim(), `${rule.id}: keyword "${keyword}" not a lower-case NFC stem`);
        }
      }
    });

    it('gives every outdated reference a replacement and every requirement a source', () => {
      for (const rule of outdated) assert.ok(rule.replacement && rule.replacement.trim(), rule.id);
      for (const rule of byKind('requirement')) {
        assert.ok(rule.sources.length > 0, rule.id);
        assert.ok(rule.norm, `${rule.id}: requirement without norm`);
      }
    });
  });

  describe('outdated-reference patterns', () => {
    it('compile with the declared flags and contain no literal spaces', () => {
      assert.equal(ruleFile.patternFlags, 'iu');
      for (const rule of outdated) {
        for (const source of rule.patterns ?? []) {
          assert.doesNotThrow(() => compile(source), `${rule.id}: ${source}`);
          assert.ok(!/[ \u00a0]/.test(source), `${rule.id}: use \\s instead of a literal space in ${source}`);
        }
      }
    });

    for (const rule of outdated) {
      it(`${rule.id}: each pattern finds an example, each example is found, no counter-example is found`, () => {
        const patterns = (rule.patterns ?? []).map(compile);
        const { match, noMatch } = rule.examples ?? { match: [], noMatch: [] };
        assert.ok(match.length > 0 && noMatch.length > 0, 'examples missing');
        patterns.forEach((re, i) => {
          assert.ok(match.some((m) => re.test(m)), `pattern ${i} (${re.source}) matches no positive example`);
        });
        for (const m of match) {
          assert.ok(patterns.some((re) => re.test(m)), `positive example not found: ${m}`);
          const nbsp = m.replace(/ /g, '\u00a0');
          assert.ok(patterns.some((re) => re.test(nbsp)), `positive example not found with non-breaking spaces: ${m}`);
        }
        for (const n of noMatch) {
          const hit = patterns.find((re) => re.test(n));
          assert.equal(hit, undefined, `negative example found: "${n}" by ${hit?.source}`);
        }
      });
    }

    it('do not claim the positive examples of other rules', () => {
      for (const rule of outdated) {
        for (const other of outdated) {
          if (other === rule) continue;
          for (const m of rule.examples?.match ?? []) {
            const hit = (other.patterns ?? []).find((p) => compile(p).test(m));
            assert.equal(hit, undefined, `"${m}" (${rule.id}) is also found by ${other.id}`);
          }
        }
      }
    });
  });

  describe('norms', () => {
    const dsgvo = readJson<NormFile>('data/norms/dsgvo.json');
    const bdsg = readJson<NormFile>('data/norms/bdsg.json');
    const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI'];

    it('DSGVO has exactly the articles 1 to 99, in order, with EUR-Lex links', () => {
      assert.equal(dsgvo.law, 'DSGVO');
      assert.equal(dsgvo.unit, 'Art.');
      assert.deepEqual(dsgvo.norms.map((n) => n.article), Array.from({ length: 99 }, (_, i) => String(i + 1)));
      for (const n of dsgvo.norms) {
        assert.equal(n.url, `https://eur-lex.europa.eu/legal-content/DE/TXT/HTML/?uri=CELEX:32016R0679#art_${n.article}`);
        assert.equal(n.title, n.title.normalize('NFC'));
        assert.doesNotMatch(n.title, /\.$|^\s|\s$/, `Art. ${n.article}: title ${n.title}`);
      }
    });

    it('DSGVO chapters and sections are contiguous and consistently titled', () => {
      const chapterTitles = new Map<string, string>();
      const sectionTitles = new Map<string, string>();
      let lastChapter = 0;
      let lastSection = 0;
      for (const n of dsgvo.norms) {
        const chapter = ROMAN.indexOf(n.chapter.number) + 1;
        assert.ok(chapter >= 1, `Art. ${n.article}: chapter ${n.chapter.number}`);
        assert.ok(chapter === lastChapter || chapter === lastChapter + 1, `Art. ${n.article}: chapter jumps to ${n.chapter.number}`);
        if (chapter !== lastChapter) lastSection = 0;
        lastChapter = chapter;
        const title = chapterTitles.get(n.chapter.number) ?? n.chapter.title;
        assert.equal(n.chapter.title, title, `Art. ${n.article}: chapter title`);
        chapterTitles.set(n.chapter.number, title);
        const sectioned = ['III', 'IV', 'VI', 'VII'].includes(n.chapter.number);
        assert.equal(!!n.section, sectioned, `Art. ${n.article}: section presence`);
        if (n.section) {
          const section = Number(n.section.number);
          assert.ok(section === lastSection || section === lastSection + 1, `Art. ${n.article}: section jumps to ${section}`);
          lastSection = section;
          const key = `${n.chapter.number}/${n.section.number}`;
          const sectionTitle = sectionTitles.get(key) ?? n.section.title;
          assert.equal(n.section.title, sectionTitle, `Art. ${n.article}: section title`);
          sectionTitles.set(key, sectionTitle);
        }
      }
      assert.equal(lastChapter, 11);
    });

    it('DSGVO titles of all 99 articles equal the list kept in test/fixtures/norms/dsgvo-titles.txt (EUR-Lex, ABl. L 119)', () => {
      const list = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'norms', 'dsgvo-titles.txt'), 'utf8')
        .split('\n').filter((l) => l.trim() && !l.startsWith('#')).map((l) => l.split('\t') as [string, string]);
      assert.equal(list.length, 99);
      assert.match(fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'norms', 'dsgvo-titles.txt'), 'utf8'), /Quelle: EUR-Lex, CELEX 32016R0679/u);
      assert.deepEqual(dsgvo.norms.map((n) => `${n.article}\t${n.title}`), list.map(([n, t]) => `${n}\t${t}`));
    });

    it('DSGVO titles of the core articles are exact', () => {
      const title = (n: number): string | undefined => dsgvo.norms[n - 1]?.title;
      assert.equal(title(28), 'Auftragsverarbeiter');
      assert.equal(title(29), 'Verarbeitung unter der Aufsicht des Verantwortlichen oder des Auftragsverarbeiters');
      assert.equal(title(32), 'Sicherheit der Verarbeitung');
      assert.equal(title(26), 'Gemeinsam Verantwortliche');
      assert.equal(title(33), 'Meldung von Verletzungen des Schutzes personenbezogener Daten an die Aufsichtsbehörde');
      assert.deepEqual(dsgvo.norms[27]?.chapter, { number: 'IV', title: 'Verantwortlicher und Auftragsverarbeiter' });
      assert.deepEqual(dsgvo.norms[27]?.section, { number: '1', title: 'Allgemeine Pflichten' });
    });

    it('BDSG lists the norms used in processor contracts with gesetze-im-internet links', () => {
      assert.equal(bdsg.law, 'BDSG');
      assert.equal(bdsg.unit, '§');
      assert.deepEqual(bdsg.norms.map((n) => n.article), ['1', '2', '3', '4', '22', '26', '38', '40', '41', '42', '43', '62', '64']);
      for (const n of bdsg.norms) {
        assert.equal(n.url, `https://www.gesetze-im-internet.de/bdsg_2018/__${n.article}.html`);
        assert.ok(n.part, `§ ${n.article}: part missing`);
      }
      const title = (a: string): string | undefined => bdsg.norms.find((n) => n.article === a)?.title;
      assert.equal(title('62'), 'Auftragsverarbeitung');
      assert.equal(title('64'), 'Anforderungen an die Sicherheit der Datenverarbeitung');
      assert.equal(title('38'), 'Datenschutzbeauftragte nichtöffentlicher Stellen');
    });
  });

  describe('laws.json', () => {
    const laws = readJson<{ laws: Law[] }>('data/norms/laws.json').laws;
    const acts = readJson<{ acts: Act[] }>('data/norms/eu-acts.json').acts;
    const law = (id: string): Law => {
      const found = laws.find((l) => l.id === id);
      assert.ok(found, `law ${id} missing`);
      return found;
    };

    it('has every law the citation parser must know, with unique ids and aliases', () => {
      for (const id of ['DSGVO', 'BDSG', 'BDSG-alt', 'BGB', 'HGB', 'AO', 'StGB', 'TDDDG', 'TTDSG', 'TMG', 'TKG', 'SGB X', 'InsO', 'UWG', 'GeschGehG']) law(id);
      assert.equal(new Set(laws.map((l) => l.id)).size, laws.length, 'duplicate law id');
      const aliases = laws.flatMap((l) => l.aliases.map((a) => a.toLowerCase()));
      assert.equal(new Set(aliases).size, aliases.length, 'an alias belongs to two laws');
      for (const l of laws) assert.ok(l.aliases.includes(l.id), `${l.id}: its id is not among its aliases`);
    });

    it('has the required aliases', () => {
      for (const a of ['DSGVO', 'DS-GVO', 'GDPR', 'Datenschutz-Grundverordnung', 'EU-DSGVO']) assert.ok(law('DSGVO').aliases.includes(a), a);
      for (const a of ['BDSG', 'BDSG 2018', 'BDSG n.F.']) assert.ok(law('BDSG').aliases.includes(a), a);
      for (const a of ['BDSG a.F.', 'BDSG a. F.', 'BDSG (alt)']) assert.ok(law('BDSG-alt').aliases.includes(a), a);
    });

    it('links current laws and marks repealed ones', () => {
      assert.equal(law('DSGVO').unit, 'Art.');
      assert.equal(law('DSGVO').euAct, '2016/679');
      assert.ok(acts.some((a) => a.id === law('DSGVO').euAct));
      for (const l of laws) {
        if (l.id !== 'DSGVO') assert.equal(l.unit, '§', `${l.id}: unit`);
        if (l.repealed) {
          assert.equal(l.urlPattern, null, `${l.id}: repealed but linked`);
          for (const id of l.repealed.replacedBy) law(id);
        } else {
          assert.ok(l.urlPattern && l.urlPattern.includes('{n}'), `${l.id}: url pattern`);
          if (l.id !== 'DSGVO') assert.match(l.urlPattern, /^https:\/\/www\.gesetze-im-internet\.de\/[a-z0-9_]+\/__\{n\}\.html$/, l.id);
        }
      }
      assert.equal(law('BDSG').urlPattern, 'https://www.gesetze-im-internet.de/bdsg_2018/__{n}.html');
      assert.equal(law('BGB').urlPattern, 'https://www.gesetze-im-internet.de/bgb/__{n}.html');
      assert.deepEqual(law('BDSG-alt').repealed?.date, '2018-05-25');
      assert.ok(law('TTDSG').repealed?.replacedBy.includes('TDDDG'));
    });
  });

  describe('eu-acts.json', () => {
    const acts = readJson<{ acts: Act[] }>('data/norms/eu-acts.json').acts;
    const act = (celex: string): Act => {
      const found = acts.find((a) => a.celex === celex);
      assert.ok(found, `act ${celex} missing`);
      return found;
    };

    it('has the ten acts with unique ids and EUR-Lex links', () => {
      const expected = ['31995L0046', '32016R0679', '32021D0914', '32021D0915', '32010D0087', '32001D0497', '32004D0915', '32000D0520', '32016D1250', '32023D1795'];
      assert.deepEqual(acts.map((a) => a.celex).sort(), [...expected].sort());
      assert.equal(new Set(acts.map((a) => a.id)).size, acts.length);
      for (const a of acts) {
        assert.equal(a.url, `https://eur-lex.europa.eu/legal-content/DE/TXT/?uri=CELEX:${a.celex}`);
        assert.ok(a.designation.includes(a.id), `${a.id}: designation ${a.designation}`);
        assert.equal(a.celex.slice(1, 5), a.date.slice(0, 4), `${a.id}: CELEX year and date differ`);
      }
    });

    it('records the status of each act', () => {
      assert.equal(act('32016R0679').status.state, 'in-force');
      assert.equal(act('32021D0914').status.state, 'in-force');
      assert.equal(act('32021D0915').status.state, 'in-force');
      assert.equal(act('32023D1795').status.state, 'in-force');
      assert.equal(act('32023D1795').date, '2023-07-10');
      assert.deepEqual([act('31995L0046').status.state, act('31995L0046').status.date], ['repealed', '2018-05-25']);
      for (const celex of ['32010D0087', '32001D0497', '32004D0915']) {
        const { status } = act(celex);
        assert.deepEqual([status.state, status.date, status.transitionalUntil], ['repealed', '2021-09-27', '2022-12-27'], celex);
      }
      assert.deepEqual(act('32000D0520').status.judgment, { court: 'EuGH', case: 'C-362/14', date: '2015-10-06', name: 'Schrems' });
      assert.equal(act('32016D1250').status.judgment?.case, 'C-311/18');
      assert.equal(act('32016D1250').status.judgment?.date, '2020-07-16');
    });
  });

  describe('coverage of the specification', function () {
    const specDir = findSpecDir();

    before(function () {
      if (!specDir) {
        console.warn('    spec folder not found ($AVV_SPEC_DIR, /work/shared/spec or ../shared/spec): skipping the comparison with the specification');
        this.skip();
      }
    });

    const spec = (file: string): string[][] => tableRows(path.join(specDir as string, file));
    const rule = (id: string): Rule => {
      const found = rules.find((r) => r.id === id);
      assert.ok(found, `rule ${id} from the specification is missing`);
      return found;
    };

    it('contains every requirement in the spec order with its norm, severity and flags', () => {
      const rows = spec('requirements.md').filter((c) => /^\d+$/.test(c[0] ?? ''));
      assert.equal(rows.length, 44);
      assert.deepEqual(byKind('requirement').map((r) => r.id), rows.map((c) => unticked(c[1] ?? '')));
      for (const c of rows) {
        const r = rule(unticked(c[1] ?? ''));
        assert.equal(r.norm, c[2], `${r.id}: norm`);
        assert.equal(r.severity, severityOf(c[5] ?? ''), `${r.id}: severity`);
        assert.equal(r.disputed, /str\.\)/.test(c.join('|')), `${r.id}: disputed`);
        const hasPartial = (c[6] ?? '').replace(/[–-]/g, '').trim() !== '';
        assert.equal(r.partial.length > 0, hasPartial, `${r.id}: partial criteria`);
      }
    });

    it('contains every outdated reference in the spec order with its severity', () => {
      const rows = spec('outdated-references.md').filter((c) => /^[a-z0-9]+(-[a-z0-9]+)+$/.test(c[0] ?? ''));
      assert.equal(rows.length, 29);
      assert.deepEqual(outdated.map((r) => r.id), rows.map((c) => c[0]));
      for (const c of rows) assert.equal(rule(c[0] as string).severity, severityOf(c[4] ?? ''), `${c[0]}: severity`);
    });

    it('contains every structure check except signature-block in the spec order with its severity', () => {
      const rows = spec('structure-checks.md').filter((c) => /^`[a-z-]+`$/.test(c[0] ?? ''));
      const ids = rows.map((c) => unticked(c[0] ?? '')).filter((id) => id !== 'signature-block');
      assert.equal(rows.length, 15);
      assert.deepEqual(byKind('structure').map((r) => r.id), ids);
      for (const c of rows) {
        const id = unticked(c[0] ?? '');
        if (id === 'signature-block' || id === 'placeholder') continue;
        assert.equal(rule(id).severity, severityOf(c[3] ?? ''), `${id}: severity`);
      }
    });

    it('keeps the detection stems of the Erkennung column among the keywords', () => {
      for (const c of spec('requirements.md').filter((row) => /^\d+$/.test(row[0] ?? ''))) {
        const r = rule(unticked(c[1] ?? ''));
        for (const term of quotedTerms(c[4] ?? '')) {
          const segments = term.split(/[/…]/).map((s) => s.trim().toLocaleLowerCase('de')).filter(Boolean);
          const covered = segments.some((s) => r.keywords.some((k) => s.includes(k)));
          assert.ok(covered, `${r.id}: no keyword is a stem of „${term}“`);
        }
      }
    });

    it('finds the search terms of the Muster column', () => {
      // Rows whose terms only count in a context the spec states outside the quotes: the term must appear in a
      // positive example instead of being found on its own.
      const inContext = new Set(['out-dpo-written', 'out-term-sperrung', 'wrong-art26-instructions', 'wrong-processor-72h', 'wrong-pseudonym-anonym']);
      for (const c of spec('outdated-references.md').filter((row) => /^[a-z0-9]+(-[a-z0-9]+)+$/.test(row[0] ?? ''))) {
        const r = rule(c[0] as string);
        for (const term of quotedTerms(c[1] ?? '')) {
          if (inContext.has(r.id)) {
            for (const segment of term.split('/')) {
              const found = r.examples?.match.some((m) => m.toLowerCase().includes(segment.trim().toLowerCase()));
              assert.ok(found, `${r.id}: no positive example contains „${segment}“`);
            }
            continue;
          }
          if (term.includes('…') || term.includes('/§')) continue;
          const plain = term.replace(/\([^)]*\)/g, '').replace(/\s+/g, ' ').trim();
          assert.ok((r.patterns ?? []).some((p) => compile(p).test(plain)), `${r.id}: „${plain}“ is not found by its patterns`);
        }
      }
    });
  });
});
