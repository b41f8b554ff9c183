import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { citeLabel, sectionLabel, type Citation, type ContractModel, type Item, type Section } from '../../server/src/core/index.js';
import { parse, repoRoot } from '../support/helpers.js';

/**
 * docs/dialect.md is executable: every fenced example preceded by `<!-- expect: {JSON} -->` is parsed and
 * the model compared with the stated expectation, and the tables marked `<!-- expect-table: KIND -->` are
 * checked row by row. When the parser or the document changes, this test says where they diverge.
 */

const docPath = path.join(repoRoot, 'docs', 'dialect.md');
const doc = fs.readFileSync(docPath, 'utf8');
const lines = doc.split('\n');

interface Example { line: number; chapter: string; code: string; expect: Record<string, unknown> }
interface TableCheck { line: number; chapter: string; kind: string; rows: string[][] }

function chapterAt(line: number): string {
  for (let i = line; i >= 0; i--) {
    const m = /^## (\d+) /.exec(lines[i]!);
    if (m) return m[1]!;
  }
  return '0';
}

function collect(): { examples: Example[]; tables: TableCheck[] } {
  const examples: Example[] = [];
  const tables: TableCheck[] = [];
  for (let i = 0; i < lines.length; i++) {
    const expect = /^<!-- expect: ([\s\S]*) -->$/.exec(lines[i]!);
    if (expect) {
      const fence = /^(`{3,})\w*$/.exec(lines[i + 1] ?? '');
      assert.ok(fence, `docs/dialect.md:${i + 1}: an expect marker must stand directly above a fenced example`);
      const close = lines.findIndex((l, j) => j > i + 1 && l === fence[1]);
      assert.ok(close > 0, `docs/dialect.md:${i + 2}: unclosed fence`);
      let parsed: Record<string, unknown>;
      try {
        parsed = JSON.parse(expect[1]!) as Record<string, unknown>;
      } catch (e) {
        throw new Error(`docs/dialect.md:${i + 1}: the expectation is no valid JSON: ${(e as Error).message}`);
      }
      examples.push({ line: i + 1, chapter: chapterAt(i), code: lines.slice(i + 2, close).join('\n'), expect: parsed });
      i = close;
      continue;
    }
    const table = /^<!-- expect-table: ([\w-]+) -->$/.exec(lines[i]!);
    if (table) {
      let j = i + 1;
      while (lines[j]?.trim() === '') j++;
      const rows: string[][] = [];
      for (let k = j + 2; lines[k]?.startsWith('|'); k++) rows.push(splitRow(lines[k]!));
      assert.ok(rows.length > 0, `docs/dialect.md:${i + 1}: no table after the marker`);
      tables.push({ line: i + 1, chapter: chapterAt(i), kind: table[1]!, rows });
    }
  }
  return { examples, tables };
}

/** Splits a Markdown table row at pipes outside backticks. */
function splitRow(row: string): string[] {
  const cells: string[] = [];
  let cur = '';
  let code = false;
  for (const ch of row.trim().replace(/^\||\|$/g, '')) {
    if (ch === '`') code = !code;
    if (ch === '|' && !code) { cells.push(cur.trim()); cur = ''; continue; }
    cur += ch;
  }
  cells.push(cur.trim());
  return cells;
}

/** The code spans of a table cell: "`§ 5`, `§5`" → ["§ 5", "§5"]. */
function codes(cell: string): string[] {
  return [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
}

// ---- model views compared with the expectations ----

const flatItems = (items: Item[]): Item[] => items.flatMap((i) => [i, ...flatItems(i.items)]);

function units(model: ContractModel): string[] {
  const out: string[] = [];
  for (const s of model.allSections) {
    for (const i of flatItems(s.items)) out.push(citeLabel(i));
    for (const c of s.clauses) {
      out.push(citeLabel(c));
      for (const i of flatItems(c.items)) out.push(citeLabel(i));
    }
  }
  return out;
}

function citationView(c: Citation): Record<string, unknown> {
  const v: Record<string, unknown> = { text: c.text.replace(/\s+/g, ' '), law: c.law, unit: c.unit };
  if (c.lawImplied) v['lawImplied'] = true;
  for (const k of ['article', 'articleTo', 'paragraph', 'subparagraph', 'sentence', 'halfSentence', 'letter', 'number', 'more', 'ff'] as const) {
    if (c[k] !== undefined) v[k] = c[k];
  }
  return v;
}

const views: Record<string, (m: ContractModel) => unknown> = {
  title: (m) => m.title ?? null,
  mainStyle: (m) => m.mainStyle,
  /** Main-part sections in document order, as cited. */
  sections: (m) => { const walk = (l: Section[]): Section[] => l.flatMap((x) => [x, ...walk(x.children)]); return walk(m.sections).map(sectionLabel); },
  /** Section headings with style and title: "§ 5 [paragraph] Pflichten". */
  headings: (m) => m.allSections.map((s) => `${sectionLabel(s)} [${s.style}/${s.form}]${s.title ? ' ' + s.title : ''}`),
  /** Annexes: "Anlage 1 (tom)". */
  annexes: (m) => m.annexes.map((a) => `${a.label} (${a.annexKind})`),
  /** Absätze and items, as cited, in document order per section. */
  units: units,
  /** "text → target", "text → partial: § 5", "text → none", "text → external: Hauptvertrages". */
  references: (m) => m.references.map((r) => `${r.text.replace(/\s+/g, ' ')} → ${r.external ? `external: ${r.external}` : r.resolution === 'none' ? 'none' : r.resolution === 'partial' ? `partial: ${citeLabel(r.target!)}` : citeLabel(r.target!)}`),
  citations: (m) => m.citations.map(citationView),
  /** "text: kind", with " (parties)" and "= value" / " (unbound)" for bindings. */
  placeholders: (m) => m.placeholders.map((p) => `${p.text}: ${p.kind}${p.inParties ? ' (parties)' : ''}${p.kind === 'binding' ? (p.value !== undefined ? ` = ${p.value}` : ' (unbound)') : ''}`),
  /** "Term (Alias, Alias): role". */
  terms: (m) => m.terms.map((t) => `${t.term}${t.aliases.length ? ` (${t.aliases.join(', ')})` : ''}${t.role ? `: ${t.role}` : ''}`),
  /** The written forms found as uses, per term. */
  occurrences: (m) => Object.fromEntries(m.terms.map((t) => [t.term, t.occurrences.map((o) => o.text)])),
  parties: (m) => m.parties.map((p) => {
    const v: Record<string, unknown> = { role: p.role, name: p.name, source: p.source };
    if (p.legalForm) v['legalForm'] = p.legalForm;
    if (p.address) v['address'] = p.address;
    if (p.representedBy) v['representedBy'] = p.representedBy;
    return v;
  }),
  /** "verb id,id -- reason" (no reason: without " -- "). */
  directives: (m) => m.directives.map((d) => `${d.verb} ${d.ids.join(',')}${d.reason !== undefined ? ` -- ${d.reason}` : ''}`),
  /** First and last line (1-based, within the example) of the signature block. */
  signatureBlock: (m) => m.signatureBlock ? [m.signatureBlock.range.start.line + 1, m.signatureBlock.range.end.line + 1] : null,
  tables: (m) => m.tables.map((t) => `${t.form}: ${t.columns.join(', ')}`),
  subprocessors: (m) => m.subprocessors.map((s) => ({ name: s.name?.text ?? null, address: s.address?.text ?? null, service: s.service?.text ?? null, location: s.location?.text ?? null })),
  /** "measure @ category". */
  tomEntries: (m) => m.tomEntries.map((t) => `${t.text} @ ${t.category ? citeLabel(t.category) : '-'}${t.checked !== null ? ` [${t.checked ? 'x' : ' '}]` : ''}`),
  artifacts: (m) => m.artifacts.map((a) => a.kind),
};

/** The example text: "→" stands for a tab (section 12); a yaml-only example is front matter. */
function exampleText(code: string, expect: Record<string, unknown>): string {
  const prefix = typeof expect['prefix'] === 'string' ? expect['prefix'] : '';
  const suffix = typeof expect['suffix'] === 'string' ? expect['suffix'] : '';
  return prefix + code.replace(/→/g, '\t') + '\n' + suffix;
}

const { examples, tables } = collect();

describe('docs/dialect.md: the examples are executable', () => {
  it('checks at least 25 examples covering every chapter', () => {
    const count = examples.length + tables.reduce((n, t) => n + t.rows.length, 0);
    assert.ok(count >= 25, `only ${count} examples checked`);
    const chapters = new Set([...examples.map((e) => e.chapter), ...tables.map((t) => t.chapter)]);
    for (let c = 1; c <= 14; c++) assert.ok(chapters.has(String(c)), `chapter ${c} has no checked example`);
  });

  for (const ex of examples) {
    it(`example at docs/dialect.md:${ex.line} (chapter ${ex.chapter})`, () => {
      const { model } = parse(exampleText(ex.code, ex.expect));
      for (const [key, expected] of Object.entries(ex.expect)) {
        if (key === 'prefix' || key === 'suffix' || key === 'note') continue;
        const view = views[key];
        assert.ok(view, `docs/dialect.md:${ex.line}: unknown expectation "${key}"`);
        assert.deepEqual(view(model), expected, `docs/dialect.md:${ex.line}: ${key}`);
      }
    });
  }

  for (const t of tables) {
    it(`table "${t.kind}" at docs/dialect.md:${t.line} (${t.rows.length} rows)`, () => {
      const check = tableChecks[t.kind];
      assert.ok(check, `docs/dialect.md:${t.line}: unknown table check "${t.kind}"`);
      for (const row of t.rows) check(row, `docs/dialect.md:${t.line}: row "${row.join(' | ')}"`);
    });
  }
});

// ---- table checks ----

const STYLE_OF: Record<string, string> = {
  Paragraph: 'paragraph', Ziffer: 'ziffer', Artikel: 'artikel', Klausel: 'klausel', 'decimal, one level': 'decimal',
  'decimal, several levels': 'decimal', Roman: 'roman', letters: 'alpha', annex: 'annex', 'annex, unnumbered': 'annex', none: 'none',
};

/** The section a single heading line yields (as its own document). */
function headingOf(line: string): Section | undefined {
  const { model } = parse(`## ${line} Titel\n\nText.\n`);
  return model.allSections[0];
}

const tableChecks: Record<string, (row: string[], where: string) => void> = {
  /** 4.1: style | written | number | label. */
  'heading-styles': ([style, written, number, label], where) => {
    const forms = codes(written!);
    assert.ok(forms.length > 0, where);
    for (const form of forms) {
      const s = headingOf(form);
      assert.ok(s, `${where}: "${form}" gives no heading`);
      assert.equal(s.style, STYLE_OF[style!], `${where}: style of "${form}"`);
      const numbers = codes(number!);
      if (numbers.length) assert.ok(numbers.includes(s.number), `${where}: number of "${form}" is "${s.number}"`);
      const labels = codes(label!);
      if (labels.length) assert.ok(labels.includes(s.label), `${where}: label of "${form}" is "${s.label}"`);
    }
  },
  /** 4.2: line | result, the line standing in a paragraph after another line. */
  'heading-lines': ([line, result], where) => {
    const written = codes(line!)[0]!;
    const bold = /^\*\*.*\*\*$/.test(written);
    const { model } = parse(bold ? `Vorspann.\n\n${written}\n\nText.\n` : `Vorspann.\n${written}\nText.\n`);
    const s = model.allSections[0];
    if (/^text/.test(result!)) {
      assert.equal(s, undefined, `${where}: is no heading`);
      return;
    }
    assert.ok(s, `${where}: no heading`);
    const label = codes(result!)[0];
    if (/^unnumbered/.test(result!)) assert.equal(s.style, 'none', where);
    else assert.equal(s.label, label, `${where}: label`);
    assert.equal(s.kind, /^annex/.test(result!) ? 'annex' : 'section', `${where}: kind`);
    const title = /title \*([^*]+)\*/.exec(result!)?.[1] ?? /^unnumbered section \*([^*]+)\*/.exec(result!)?.[1];
    if (title) assert.equal(s.title, title, `${where}: title`);
    if (/without title/.test(result!)) assert.equal(s.title, '', `${where}: title`);
  },
  /** 5: kind | title contains: each italic phrase (with "…" filled in) classifies an annex. */
  'annex-kinds': ([kind, contains], where) => {
    const phrases = [...contains!.matchAll(/\*([^*]+)\*/g)].map((m) => m[1]!.replace(/\s*…/g, '').trim());
    for (const title of phrases.length ? phrases : ['Kontaktdaten der Ansprechpartner']) {
      const { model } = parse(`## Anlage 1 – ${title}\n\nText.\n`);
      assert.equal(model.annexes[0]?.annexKind, kind!.replace(/`/g, ''), `${where}: "${title}"`);
    }
  },
  /** 7.4: text | law | unit | fields. */
  citations: ([text, law, unit, fields], where) => {
    for (const written of codes(text!)) {
      const { model } = parse(`## § 1 A\n\nEs gilt ${written} hier.\n`);
      const cs = model.citations;
      const two = /^two citations/.test(fields!);
      assert.equal(cs.length, two ? 2 : 1, `${where}: number of citations in "${written}"`);
      const c = cs[0]!;
      const laws = law!.split(',').map((l) => l.trim());
      assert.equal(c.law, laws[0]!.replace(/ \(implied\)$/, ''), `${where}: law of "${written}"`);
      assert.equal(c.lawImplied, /implied/.test(law!), `${where}: lawImplied of "${written}"`);
      if (two) assert.equal(cs[1]!.law, laws[1], `${where}: law of the second citation`);
      assert.equal(c.unit, unit, `${where}: unit of "${written}"`);
      const expected: Record<string, unknown> = {};
      const firstText = /the first \*([^*]+)\*/.exec(fields!)?.[1];
      if (firstText) assert.equal(c.text, firstText, `${where}: text of the first citation`);
      const body = two ? (/\(([^)]*)\)/.exec(fields!)?.[1] ?? '') : fields!;
      for (const part of body.split(/,\s*(?![^[]*\])/).map((p) => p.trim()).filter(Boolean)) {
        if (part.startsWith('`lawImplied')) continue;
        const m = /^(\w+)(?: (.+))?$/.exec(part);
        assert.ok(m, `${where}: cannot read "${part}"`);
        if (m[1] === 'ff') expected['ff'] = true;
        else if (m[1] === 'more') expected['more'] = m[2]!.replace(/[[\]]/g, '').split(/,\s*/);
        else expected[m[1]!] = m[2];
      }
      const actual = citationView(c);
      for (const k of ['text', 'law', 'unit', 'lawImplied']) delete actual[k];
      assert.deepEqual(actual, expected, `${where}: fields of "${written}"`);
    }
  },
};
