// Benchmark: `npm run bench` (full) or `node scripts/bench.mjs --smoke` (CI: checks that it runs).
// Generates contracts of 25, 100 and 300 KB from the fixture corpus and measures in one process, after
// warm-up, medians and p95 of: cold full check; keystroke in a middle section → diagnostics ready;
// completion inside the TOM annex; hover on a citation; and, on the same text, a markdownlint lint and a
// remark+GFM parse as reference. One JSON line per scenario. Timings are figures, never assertions.
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { availableParallelism, tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const core = require(join(root, 'out/server/src/core/index.js'));
const smoke = process.argv.includes('--smoke');
const runs = smoke ? 2 : Number(process.env.BENCH_RUNS ?? 25);
const warmup = smoke ? 1 : 5;
const knowledge = core.loadKnowledge(join(root, 'data'));

const { unified } = await import('unified');
const remarkParse = (await import('remark-parse')).default;
const remarkGfm = (await import('remark-gfm')).default;
const { lint: markdownlint } = await import('markdownlint/sync');
const remark = unified().use(remarkParse).use(remarkGfm);

/** A contract of about `kb` KB: the §§ of the fixtures renumbered in sequence, then the annexes. */
export function generateContract(kb) {
  const sources = ['paragraphen.avv.md', 'word-export.md', 'frontmatter.avv.md'].map((f) => readFileSync(join(root, 'test/fixtures/contracts', f), 'utf8').replace(/\r\n/g, '\n'));
  const main = readFileSync(join(root, 'test/fixtures/contracts/paragraphen.avv.md'), 'utf8');
  const head = main.slice(0, main.indexOf('## § 1'));
  const annexes = main.slice(main.indexOf('## Anlage 1'));
  const sections = sources.flatMap((s) => s.split(/\n(?=## § \d)/).filter((x) => x.startsWith('## § ')).map((x) => x.split(/\n(?=## Anlage|Ort, Datum)/)[0]));
  let body = '';
  let n = 0;
  while (head.length + body.length + annexes.length < kb * 1024) {
    const s = sections[n % sections.length];
    n++;
    body += s.replace(/^## § \d+/, `## § ${n}`).trimEnd() + '\n\n';
  }
  return head + body + annexes;
}

function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const q = (p) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
  return { medianMs: round(q(0.5)), p95Ms: round(q(0.95)) };
}
const round = (x) => Math.round(x * 100) / 100;

function measure(fn) {
  for (let i = 0; i < warmup; i++) fn(i);
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn(i + warmup);
    samples.push(performance.now() - t);
  }
  return stats(samples);
}

function lineOf(text, needle, from = 0) {
  const at = text.indexOf(needle, from);
  const line = text.slice(0, at).split('\n').length - 1;
  return { line, character: at - text.lastIndexOf('\n', at - 1) - 1 };
}

const sizes = smoke ? [25] : [25, 100, 300];
for (const kb of sizes) {
  const text = generateContract(kb);
  const sizeKB = Math.round(text.length / 1024);
  const reference = {
    markdownlintMs: measure(() => markdownlint({ strings: { doc: text } })).medianMs,
    remarkMs: measure(() => remark.parse(text)).medianMs,
  };
  const out = (scenario, s) => console.log(JSON.stringify({ scenario, sizeKB, ...s, reference, ratio: round(s.medianMs / reference.markdownlintMs) }));

  out('cold full check', measure((i) => core.analyze(core.parseContract({ uri: 'b', version: i, text }, knowledge), knowledge)));

  // keystroke in a middle section: the editor's path (per-document Markdown cache, then all rules)
  const cache = new core.MarkdownCache();
  core.parseContract({ uri: 'b', version: 0, text }, knowledge, cache);
  const middle = text.indexOf('(1)', Math.floor(text.length / 2));
  out('keystroke → diagnostics', measure((i) => {
    const edited = text.slice(0, middle) + (i % 2 ? 'x' : 'y') + text.slice(middle);
    core.analyze(core.parseContract({ uri: 'b', version: i + 1, text: edited }, knowledge, cache), knowledge);
  }));

  const parsed = core.parseContract({ uri: 'b', version: 0, text }, knowledge);
  const tomAnnex = parsed.model.annexes.find((a) => a.annexKind === 'tom');
  const tomPos = tomAnnex ? { line: tomAnnex.range.end.line, character: 2 } : { line: 0, character: 0 };
  out('completion in TOM annex', measure(() => core.completions(parsed, tomPos, knowledge)));
  const citation = parsed.model.citations[Math.floor(parsed.model.citations.length / 2)];
  out('hover on citation', measure(() => core.hover(parsed, citation.range.start, knowledge)));
}

if (!smoke) {
  // batch review: the CLI over 1,000 contracts (worker threads on all cores, and one thread) against
  // markdownlint-cli2 on the same files; wall-clock time of the whole process, median of 3 runs
  const dir = mkdtempSync(join(tmpdir(), 'avv-bench-'));
  const fixtures = ['paragraphen.avv.md', 'dezimal.avv.md', 'roemisch.avv.md', 'crlf-ziffer.avv.md', 'frontmatter.avv.md', 'word-export.md']
    .map((f) => readFileSync(join(root, 'test/fixtures/contracts', f), 'utf8'));
  for (let i = 0; i < 1000; i++) writeFileSync(join(dir, `v${String(i).padStart(4, '0')}.md`), fixtures[i % fixtures.length].replace(/Gegenstand/u, `Gegenstand ${i}`));
  const totalKB = Math.round(readdirSync(dir).reduce((n, f) => n + statSync(join(dir, f)).size, 0) / 1024);
  const wall = (cmd, args) => {
    const samples = [];
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      // both tools report thousands of findings: discard them (a pipe would overflow spawnSync's buffer)
      const r = spawnSync(cmd, args, { cwd: dir, stdio: 'ignore' });
      if (r.status !== 0 && r.status !== 1) throw new Error(`${cmd} ${args.join(' ')}: exit ${r.status} ${r.signal ?? ''} ${r.error ?? ''}`);
      samples.push(performance.now() - t);
    }
    return Math.round(samples.sort((a, b) => a - b)[1]);
  };
  const markdownlintCli2Ms = wall(process.execPath, [join(root, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs'), '*.md']);
  const workersMs = wall(process.execPath, [join(root, 'dist/cli.js'), 'check', '--format', 'json', '.']);
  const oneThreadMs = wall(process.execPath, [join(root, 'dist/cli.js'), 'check', '--format', 'json', '--jobs', '1', '.']);
  console.log(JSON.stringify({ scenario: 'CLI batch 1,000 contracts', files: 1000, totalKB, cores: availableParallelism(), workersMs, oneThreadMs, reference: { markdownlintCli2Ms }, ratio: round(workersMs / markdownlintCli2Ms) }));
  rmSync(dir, { recursive: true, force: true });

  const dist = join(root, 'dist');
  const bundles = Object.fromEntries(readdirSync(dist).filter((f) => f.endsWith('.js')).map((f) => [f, Math.round(statSync(join(dist, f)).size / 1024)]));
  console.log(JSON.stringify({ scenario: 'bundle sizes (KB)', ...bundles }));
  // language-server heap after opening 20 contracts of 300 KB (the server keeps parse, analysis and Markdown cache per document)
  const docs = [];
  const text = generateContract(300);
  globalThis.gc?.();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < 20; i++) {
    const cache = new core.MarkdownCache();
    const t = text.replace('§ 1 ', `§ 1 (${i}) `);
    const parsed = core.parseContract({ uri: `d${i}`, version: 1, text: t }, knowledge, cache);
    // the server keeps the analysis too, and with it the coverage's sentence memo of each document
    docs.push({ cache, parsed, analysis: core.analyze(parsed, knowledge) });
  }
  globalThis.gc?.();
  console.log(JSON.stringify({ scenario: 'heap after 20 × 300 KB', heapMB: Math.round((process.memoryUsage().heapUsed - before) / 1048576), documents: docs.length, gcExposed: typeof globalThis.gc === 'function' }));
}
