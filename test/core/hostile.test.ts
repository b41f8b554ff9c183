import { strict as assert } from 'node:assert';
import { analyze, type Range } from '../../server/src/core/index.js';
import { MAX_ANALYSED_LENGTH, MAX_LINE_LENGTH } from '../../server/src/core/model/build.js';
import { parse, testKnowledge } from '../support/helpers.js';

/**
 * Hostile input never makes the core throw or hang. The time of each case is printed (a figure for the
 * closing note, never an assertion: the machine may be busy).
 */
const CASES: [string, () => string][] = [
  ['empty file', () => ''],
  ['whitespace only', () => '   \n\n\t \r\n  '],
  ['binary content', () => Buffer.from(Array.from({ length: 50000 }, (_, i) => (i * 7919 + 13) % 256)).toString('latin1')],
  ['NUL bytes, BOM and mixed line ends', () => '\ufeff## § 1 Titel\r\n(1) a\u0000b\r(2) c\n\n## § 2 X\r\n'],
  ['100,000 nested block quotes', () => '>'.repeat(100000) + ' Text\n'],
  ['100,000 nested bullet lists on one line', () => '- '.repeat(100000) + 'x\n'],
  ['100,000 nested ordered lists on one line', () => '1. '.repeat(100000) + 'x\n'],
  ['2,000 lines of ever deeper list indentation', () => Array.from({ length: 2000 }, (_, i) => ' '.repeat(i * 2) + '- x').join('\n')],
  ['a single line of 1 MB', () => '§ 1 '.padEnd(1_000_000, 'a ') + '\n'],
  ['malformed YAML front matter', () => '---\nparteien: [\n  - name: "offen\n---\n\n## § 1 Gegenstand\n\n(1) Siehe § 9.\n'],
  ['unbalanced brackets and quotes', () => '## § 1 „Titel\n\n(1) [[[[ {{ {{auftraggeber. ]] „„„ “ (((( § § § Art. Art. Abs.\n'.repeat(200)],
  ['lone surrogates and combining marks', () => '## § 1 \ud800 Titel\u0308\u0308\u0308\n\n(1) \udc00 a\u0301\u0302\u0303 § 1\n'],
];

function inside(r: Range, text: string): boolean {
  const lines = text.split(/\r\n|\r|\n/);
  const ok = (p: { line: number; character: number }) => p.line < lines.length && p.character <= lines[p.line]!.length;
  return ok(r.start) && ok(r.end);
}

describe('hostile input', function () {
  this.timeout(120000);
  const k = testKnowledge();
  for (const [name, make] of CASES) {
    it(`${name}: no exception, every range inside the document`, () => {
      const text = make();
      const t = performance.now();
      const parsed = parse(text);
      const { findings } = analyze(parsed, k);
      const ms = Math.round(performance.now() - t);
      console.log(`      ${name}: ${text.length} chars, ${ms} ms, ${findings.length} findings`);
      for (const f of findings) assert.ok(inside(f.range, text), `${f.ruleId} ${JSON.stringify(f.range)}`);
      for (const s of parsed.model.allSections) assert.ok(inside(s.range, text));
    });
  }

  it('reports the YAML error at its place and still checks the rest', () => {
    const text = CASES.find(([n]) => n.startsWith('malformed'))![1]();
    const { findings } = analyze(parse(text), k);
    const yaml = findings.find((f) => f.ruleId === 'front-matter-syntax');
    assert.ok(yaml);
    assert.ok(yaml.range.start.line >= 1 && yaml.range.start.line <= 3, JSON.stringify(yaml.range));
    assert.ok(findings.some((f) => f.ruleId === 'dangling-reference'), 'the body is still checked');
  });

  it('analyses only the first 512 KB of a 10 MB contract and says so', () => {
    const block = '## § 1 Gegenstand\n\n(1) Der Auftragnehmer verarbeitet Daten nach Art. 28 DSGVO.\n\n';
    const text = block.repeat(Math.ceil((10 * 1024 * 1024) / block.length));
    const t = performance.now();
    const parsed = parse(text);
    const { findings } = analyze(parsed, k);
    console.log(`      10 MB contract: ${Math.round(performance.now() - t)} ms`);
    assert.ok(parsed.model.truncated);
    assert.ok(parsed.model.truncated.analysedLength <= MAX_ANALYSED_LENGTH);
    const info = findings.find((f) => f.ruleId === 'document-too-large');
    assert.ok(info);
    assert.equal(info.severity, 'info');
  });

  it('stops the analysis at a line longer than 128 KB, keeps the text before it, and says so', () => {
    const head = '## § 1 Gegenstand\n\n(1) Der Auftragnehmer hostet die Website.\n\n';
    const parsed = parse(head + 'x'.repeat(600 * 1024) + '\n\n## § 2 Schluss\n');
    assert.equal(parsed.model.truncated?.analysedLength, head.length + MAX_LINE_LENGTH);
    assert.deepEqual(parsed.model.sections.map((s) => s.label), ['§ 1']);
    assert.ok(analyze(parsed, k).findings.some((f) => f.ruleId === 'document-too-large'));
  });

  it('isolates a rule that throws: one internal-error finding, all other rules still run', () => {
    const parsed = parse('## § 1 X\n\n(1) Siehe § 7.\n');
    const boom = { id: 'dangling-reference', check: () => { throw new Error('kaputt'); } };
    const ok = { id: 'directive-without-reason', check: (_c: unknown, report: (f: { message: string; range: Range }) => void) => report({ message: 'ran', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }) };
    const { findings } = analyze(parsed, k, {}, [boom, ok]);
    assert.deepEqual(findings.map((f) => f.ruleId).sort(), ['directive-without-reason', 'internal-error']);
    assert.match(findings.find((f) => f.ruleId === 'internal-error')!.message, /kaputt/);
  });
});
