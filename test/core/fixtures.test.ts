import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { citeLabel, modelToJson, type ContractModel, type Section } from '../../server/src/core/index.js';
import { fixturesDir, matchSnapshot, parseFixture } from '../support/helpers.js';

/**
 * Every fixture contract has a hand-written expectation (<name>.expect.json, written from the text, not
 * from the parser's output) and a snapshot of the whole model. The expectation is the oracle; the snapshot
 * catches every other change.
 */

interface ExpectedSection { label: string; title: string; line: number; clauses?: string[]; children?: ExpectedSection[] }
interface Expect {
  title?: string;
  sections: ExpectedSection[];
  annexes: ExpectedSection[];
  parties: { role: string; name: string; legalForm?: string; address?: string }[];
  terms: { term: string; aliases: string[]; role?: string }[];
  references: { text: string; line: number; target?: string | null; external?: boolean }[];
  citations: ({ text: string; line: number } & Record<string, unknown>)[];
  placeholders?: { text: string; line: number }[];
  signatureBlock?: { line: number } | null;
}

const contracts = fs.readdirSync(fixturesDir).filter((f) => /\.(avv\.md|md|txt)$/.test(f)).sort();

function expectationFor(file: string): Expect | undefined {
  const base = file.replace(/\.(avv\.md|md|txt)$/, '');
  const p = path.join(fixturesDir, `${base}.expect.json`);
  return fs.existsSync(p) ? (JSON.parse(fs.readFileSync(p, 'utf8')) as Expect) : undefined;
}

const norm = (label: string | null | undefined) => (label ?? '').replace(/^Ziffer\s+/, '').replace(/\.$/, '').replace(/\s+/g, ' ').trim();

function outline(sections: Section[]): ExpectedSection[] {
  return sections.map((s) => ({
    label: s.label,
    title: s.title,
    line: s.heading.range.start.line,
    clauses: s.clauses.map((c) => c.number),
    children: outline(s.children),
  }));
}

function trimOutline(expected: ExpectedSection[], actual: ExpectedSection[]): ExpectedSection[] {
  // compare only what the expectation states (clauses/children may be omitted for annexes)
  return actual.map((a, i) => {
    const e = expected[i];
    const out: ExpectedSection = { label: a.label, title: a.title, line: a.line };
    if (!e || e.clauses !== undefined) out.clauses = a.clauses ?? [];
    if (!e || e.children !== undefined) out.children = trimOutline(e?.children ?? [], a.children ?? []);
    return out;
  });
}

describe('fixture contracts', () => {
  for (const file of contracts) {
    describe(file, () => {
      const expect = expectationFor(file);
      let model: ContractModel;
      before(() => {
        model = parseFixture(file).model;
      });

      it('matches its model snapshot', () => {
        const snap = path.join(fixturesDir, '..', 'snapshots', `${file}.model.json`);
        const { equal, expected } = matchSnapshot(modelToJson(model), snap);
        if (!equal) assert.deepEqual(modelToJson(model), expected);
      });

      if (!expect) return;

      it('has the expected sections and annexes', () => {
        const main = outline(model.sections);
        assert.deepEqual(trimOutline(expect.sections, main), expect.sections.map((s) => normalizeExpected(s)));
        const annexes = outline(model.annexes);
        assert.deepEqual(trimOutline(expect.annexes, annexes), expect.annexes.map((s) => normalizeExpected(s)));
      });

      it('identifies the parties', () => {
        // compare the fields the expectation states
        const actual = model.parties.map((p) => {
          const e = (expect.parties.find((x) => x.role === p.role) ?? {}) as Record<string, unknown>;
          const out: Record<string, string | undefined> = { role: p.role, name: p.name };
          for (const key of ['legalForm', 'address', 'representedBy', 'source'] as const) if (e[key] !== undefined) out[key] = p[key];
          return out;
        });
        assert.deepEqual(sortBy(actual, 'role'), sortBy(expect.parties as Record<string, string | undefined>[], 'role'));
      });

      it('finds the defined terms', () => {
        const actual = model.terms.map((t) => ({ term: t.term, aliases: [...t.aliases].sort(), ...(t.role ? { role: t.role } : {}) }));
        const wanted = expect.terms.map((t) => ({ term: t.term, aliases: [...t.aliases].sort(), ...(t.role ? { role: t.role } : {}) }));
        assert.deepEqual(sortBy(actual, 'term'), sortBy(wanted, 'term'));
      });

      it('finds every cross reference and resolves it', () => {
        const actual = model.references.map((r) => r.external
          ? `${r.range.start.line} ${r.text.split(/\s+(?:des|der|dem|im)\s+|\s+(?=Datenschutzerklärung)/)[0]} → external`
          : `${r.range.start.line} ${r.text} → ${r.resolution === 'full' && r.target ? norm(citeLabel(r.target)) : 'null'}`);
        const wanted = expect.references.map((r) => r.external
          ? `${r.line} ${r.text.split(/\s+(?:des|der|dem|im)\s+|\s+(?=Datenschutzerklärung)/)[0]} → external`
          : `${r.line} ${r.text} → ${r.target ? norm(r.target) : 'null'}`);
        assert.deepEqual(actual.sort(), wanted.sort());
      });

      it('parses every norm citation', () => {
        const actual = model.citations.map((c) => `${c.range.start.line} ${c.text}`);
        assert.deepEqual(actual.sort(), expect.citations.map((c) => `${c.line} ${c.text}`).sort());
        for (const e of expect.citations) {
          const c = model.citations.find((x) => x.range.start.line === e.line && x.text === e.text)!;
          for (const key of ['law', 'article', 'articleTo', 'paragraph', 'subparagraph', 'sentence', 'letter', 'number', 'ff'] as const) {
            if (e[key] !== undefined) assert.equal((c as unknown as Record<string, unknown>)[key], e[key], `${e.text}: ${key}`);
          }
        }
      });

      if (expect.placeholders) {
        it('finds the placeholders', () => {
          const actual = model.placeholders.map((p) => `${p.range.start.line} ${p.text}`).sort();
          assert.deepEqual(actual, expect.placeholders!.map((p) => `${p.line} ${p.text}`).sort());
        });
      }

      if (expect.signatureBlock !== undefined) {
        it('finds the signature block', () => {
          assert.equal(model.signatureBlock?.range.start.line ?? null, expect.signatureBlock?.line ?? null);
        });
      }
    });
  }
});

function normalizeExpected(s: ExpectedSection): ExpectedSection {
  const out: ExpectedSection = { label: s.label, title: s.title, line: s.line };
  if (s.clauses !== undefined) out.clauses = s.clauses;
  if (s.children !== undefined) out.children = s.children.map(normalizeExpected);
  return out;
}

function sortBy<T extends Record<string, unknown>>(list: T[], key: string): T[] {
  return [...list].sort((a, b) => String(a[key]).localeCompare(String(b[key])));
}
