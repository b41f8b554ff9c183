import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../server/src/core/index.js';
import { renderCompliancePanel, renderHtmlFragment, renderTitleBlock, renderToc } from '../../server/src/core/render/html.js';
import { compliancePanel } from '../../server/src/lsp/compliance.js';
import { fixturesDir, parse, parseFixture, repoRoot, testKnowledge } from '../support/helpers.js';

/**
 * The preview's HTML (title block, table of contents, body and compliance panel) for every fixture contract,
 * compared with reviewed snapshots in test/fixtures/snapshots/*.preview.html (UPDATE_SNAPSHOTS=1 rewrites).
 */
function matchTextSnapshot(actual: string, file: string): string {
  if (process.env['UPDATE_SNAPSHOTS'] === '1' || !fs.existsSync(file)) {
    if (process.env['CI'] && !fs.existsSync(file)) throw new Error(`snapshot missing in CI: ${file}`);
    fs.writeFileSync(file, actual);
  }
  return fs.readFileSync(file, 'utf8');
}

describe('preview HTML', () => {
  const k = testKnowledge();
  const fixtures = fs.readdirSync(fixturesDir).filter((f) => /\.(avv\.md|md|txt)$/.test(f));

  for (const name of fixtures) {
    it(`${name}: matches its snapshot`, () => {
      const parsed = parseFixture(name);
      const { coverage } = analyze(parsed, k);
      const html = [renderTitleBlock(parsed), renderToc(parsed, true), compliancePanel(coverage, k, false), renderHtmlFragment(parsed)].join('\n') + '\n';
      const file = path.join(repoRoot, 'test', 'fixtures', 'snapshots', `${name}.preview.html`);
      assert.equal(html, matchTextSnapshot(html, file));
    });
  }

  it('numbers, titles and lines of the table of contents follow the model', () => {
    const parsed = parseFixture('paragraphen.avv.md');
    const toc = renderToc(parsed, true);
    const first = parsed.model.sections[0]!;
    assert.ok(toc.includes(`<a href="#" data-reveal-line="${first.heading.range.start.line}">${first.label} ${first.title}</a>`), toc.slice(0, 300));
    assert.equal((toc.match(/<li>/g) ?? []).length, parsed.model.annexes.length + countTitled(parsed.model.sections));
    assert.ok(!renderToc(parsed).includes('data-reveal-line'), 'the exported table of contents has no links');
  });

  it('the compliance panel lists every requirement once, with status class, evidence line and what is missing', () => {
    const text = '## § 1 Gegenstand\n\nDer Auftragnehmer hostet die Website des Auftraggebers.\n\n## § 2 Löschung\n\nNach Ende des Auftrags löscht der Auftragnehmer alle Daten.\n';
    const parsed = parse(text);
    const { coverage } = analyze(parsed, k);
    const html = compliancePanel(coverage, k, false);
    assert.equal((html.match(/<li class="/g) ?? []).length, 44);
    const g = coverage.find((c) => c.id === 'art28-3-g-delete-return')!;
    assert.equal(g.status, 'partial');
    assert.match(html, new RegExp(`<li class="partial"><a href="#" data-reveal-line="${g.evidence[0]!.start.line}">`));
    assert.ok(html.includes('<div class="missing-parts">'), 'the missing parts are shown');
    const h = coverage.find((c) => c.id === 'art28-3-h-audits')!;
    assert.equal(h.status, 'missing');
    assert.match(html, /<li class="missing"><a href="#" data-reveal-line="\d+">Kontrollrechte|<li class="missing"><a href="#" data-reveal-line="\d+">[^<]*(Überprüf|Kontroll|Inspektion)/u);
    assert.match(html, /Art\. 28 DSGVO: Pflichtinhalt|Art. 28 GDPR: mandatory content/u);
  });

  it('escapes every text of the compliance panel', () => {
    const html = renderCompliancePanel([{ title: '<b>x</b>', summary: '"1" & 2', entries: [{ status: 'missing', title: '<img src=x onerror=alert(1)>', norm: "Art. 28 '<'", missing: ['<script>'] }] }], '<h1>');
    assert.ok(!/<(b|img|script|h1)[\s>]/u.test(html.replace(/<h[23]>|<\/h[23]>/gu, '')), html);
    assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'));
    assert.ok(html.includes('<li class="missing">'), 'an entry without a line is plain text');
    assert.ok(!html.includes('data-reveal-line'));
  });
});

function countTitled(sections: readonly { title: string; kind: string; children: readonly { title: string; kind: string; children: readonly unknown[] }[] }[]): number {
  return sections.reduce((n, s) => n + 1 + (s.kind === 'annex' ? 0 : countTitled(s.children.filter((c) => c.title) as never)), 0);
}
