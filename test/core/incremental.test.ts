import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MarkdownCache, analyze, chunkBoundaries, modelToJson, parseContract } from '../../server/src/core/index.js';
import { parseMarkdown } from '../../server/src/core/parse/markdown.js';
import { fixturesDir, repoRoot, testKnowledge } from '../support/helpers.js';

const files = [
  ...fs.readdirSync(fixturesDir).filter((f) => /\.(md|txt)$/.test(f)).map((f) => path.join(fixturesDir, f)),
  path.join(repoRoot, 'examples', 'beispiel.avv.md'),
];

/** The whole contract parsed as one chunk: the reference the chunked parse must equal. */
function wholeParse(text: string) {
  const md = parseMarkdown(text);
  return { blocks: md.blocks, scan: md.scan };
}

describe('incremental parsing', () => {
  for (const file of files) {
    it(`${path.basename(file)}: chunked parse equals the whole parse`, () => {
      const text = fs.readFileSync(file, 'utf8').normalize('NFC');
      const joined = new MarkdownCache().parse(text);
      const whole = wholeParse(text);
      assert.equal(joined.scan, whole.scan);
      assert.deepEqual(joined.blocks, whole.blocks);
    });
  }

  it('cuts long contracts into several chunks, never inside fenced code or a list', () => {
    const text = fs.readFileSync(path.join(fixturesDir, 'paragraphen.avv.md'), 'utf8');
    const bounds = chunkBoundaries(text);
    assert.ok(bounds.length >= 5, String(bounds.length));
    for (const b of bounds.slice(1)) {
      assert.equal(text[b - 1], '\n');
      assert.match(text.slice(b, b + 1), /\S/);
      assert.doesNotMatch(text.slice(b, text.indexOf('\n', b)), /^\s*(?:[-*+]|\d+[.)])\s/);
    }
    const fenced = 'a\n\n```\n' + 'x\n\n'.repeat(2000) + '```\n\nb\n';
    const inner = chunkBoundaries(fenced).filter((b) => b > 3 && b < fenced.lastIndexOf('```'));
    assert.deepEqual(inner, []);
  });

  it('re-parses only the edited chunk and yields the same model as a fresh parse', () => {
    const k = testKnowledge();
    const text = fs.readFileSync(path.join(fixturesDir, 'paragraphen.avv.md'), 'utf8');
    const cache = new MarkdownCache();
    parseContract({ uri: 'x', version: 1, text }, k, cache);
    const at = text.indexOf('(2)', text.indexOf('## § 7'));
    const edited = text.slice(0, at) + '(2) Neu eingefügter Satz nach § 3 Abs. 2.\n\n' + text.slice(at);
    const md = cache.parse(edited);
    assert.equal(md.parsedChunks, 1, `re-parsed ${md.parsedChunks} of ${md.chunkCount} chunks`);
    const incremental = parseContract({ uri: 'x', version: 2, text: edited }, k, cache).model;
    const fresh = parseContract({ uri: 'x', version: 2, text: edited }, k).model;
    assert.deepEqual(modelToJson(incremental), modelToJson(fresh));
  });

  it('keeps coverage and findings equal to a fresh analysis while the sentence memo carries over versions', () => {
    const k = testKnowledge();
    const base = fs.readFileSync(path.join(repoRoot, 'examples', 'beispiel.avv.md'), 'utf8');
    const cache = new MarkdownCache();
    const summary = (text: string, c?: MarkdownCache) => {
      const a = analyze(parseContract({ uri: 'x', version: 1, text }, k, c), k);
      return { findings: a.findings.map((f) => `${f.ruleId} ${f.range.start.line}:${f.range.start.character} ${f.message}`), coverage: a.coverage.map((r) => `${r.id} ${r.status} ${r.missing.join('; ')}`) };
    };
    // delete the breach clause, then write a weaker one, then restore: each version against a fresh analysis
    const breach = base.indexOf('unverzüglich', base.indexOf('Verletzung'));
    const versions = [
      base,
      base.slice(0, breach) + 'innerhalb von 72 Stunden' + base.slice(breach + 'unverzüglich'.length),
      base.replace(/Weisung/gu, 'Anregung'),
      base,
    ];
    for (const v of versions) assert.deepEqual(summary(v, cache), summary(v));
    assert.notDeepEqual(summary(versions[2]!, cache).coverage, summary(base, cache).coverage, 'the edits change the coverage');
  });
});
