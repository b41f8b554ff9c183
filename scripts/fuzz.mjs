// The long fuzz run (`npm run fuzz`): the properties of test/core/fuzz.test.ts with ≥ 100,000 cases in total,
// spread over worker threads. Needs the compiled tests (`npx tsc -b`). Options (environment):
//   FUZZ_RUNS  total number of cases (default 100000)      FUZZ_SEED  base seed (default: random, printed)
//   FUZZ_WORKERS number of worker threads (default: the available parallelism)
// The last line is `fuzz: N cases, M failures`; the exit code is 1 when a property failed.
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker, isMainThread, parentPort } from 'node:worker_threads';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

if (isMainThread) {
  const total = Number(process.env.FUZZ_RUNS ?? 100000);
  const baseSeed = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 0x7fffffff));
  const workers = Math.max(1, Number(process.env.FUZZ_WORKERS ?? os.availableParallelism?.() ?? os.cpus().length));
  // the property list here only for names and shares; each worker builds its own
  const props = properties();
  const jobs = [];
  props.forEach((p, index) => {
    let runs = Math.ceil(total * p.fullShare);
    const batch = index === 0 ? 2000 : 100;
    for (let k = 0; runs > 0; k++, runs -= batch) jobs.push({ index, numRuns: Math.min(batch, runs), seed: (baseSeed + index * 1_000_003 + k * 7919) | 0 });
  });
  // the expensive jobs first, so the workers finish together
  jobs.sort((a, b) => b.index - a.index);
  console.log(`fuzz: ${jobs.length} batches on ${workers} worker(s), base seed ${baseSeed}`);
  const perProperty = props.map((p) => ({ name: p.name, cases: 0, failures: 0 }));
  const started = Date.now();
  let next = 0;
  let done = 0;
  await Promise.all(Array.from({ length: Math.min(workers, jobs.length) }, () => new Promise((resolve, reject) => {
    const worker = new Worker(fileURLToPath(import.meta.url));
    const feed = () => (next < jobs.length ? worker.postMessage(jobs[next++]) : worker.terminate().then(resolve));
    worker.on('message', (r) => {
      const stat = perProperty[r.index];
      stat.cases += r.numRuns;
      if (r.failed) {
        stat.failures++;
        console.log(`\nFAILED ${stat.name} (seed ${r.seed}):\n${r.report}\n`);
      }
      done++;
      if (done % 20 === 0 || done === jobs.length) {
        const cases = perProperty.reduce((s, p) => s + p.cases, 0);
        console.log(`  ${done}/${jobs.length} batches, ${cases} cases, ${Math.round((Date.now() - started) / 1000)} s`);
      }
      feed();
    });
    worker.on('error', reject);
    feed();
  })));
  for (const p of perProperty) console.log(`  ${p.name}: ${p.cases} cases, ${p.failures} failures`);
  const cases = perProperty.reduce((s, p) => s + p.cases, 0);
  const failures = perProperty.reduce((s, p) => s + p.failures, 0);
  console.log(`  ${Math.round((Date.now() - started) / 1000)} s`);
  console.log(`fuzz: ${cases} cases, ${failures} failures`);
  process.exitCode = failures ? 1 : 0;
} else {
  const { fc } = loadModules();
  const props = properties();
  parentPort.on('message', (job) => {
    const details = fc.check(props[job.index].property, { numRuns: job.numRuns, seed: job.seed });
    parentPort.postMessage({ index: job.index, seed: job.seed, numRuns: details.numRuns, failed: details.failed, report: details.failed ? describe(fc, details) : '' });
  });
}

function properties() {
  const { fuzzProperties, loadFixtures, loadKnowledge, loadClauseLibrary } = loadModules();
  const dataDir = path.join(root, 'data');
  return fuzzProperties({ knowledge: loadKnowledge(dataDir), library: loadClauseLibrary(dataDir), fixtures: loadFixtures(root) });
}

function describe(fc, details) {
  const example = JSON.stringify(details.counterexample).slice(0, 2000);
  return `counterexample (after ${details.numShrinks} shrinks, path ${details.counterexamplePath}): ${example}\n${details.errorInstance?.stack ?? details.errorInstance}`;
}

function loadModules() {
  const out = path.join(root, 'out');
  try {
    return {
      fc: require('fast-check'),
      ...require(path.join(out, 'test/support/fuzz.js')),
      ...require(path.join(out, 'server/src/core/knowledge/load.js')),
      ...require(path.join(out, 'server/src/core/fixes/index.js')),
    };
  } catch (error) {
    console.error(`fuzz: the compiled tests are missing; run \`npx tsc -b\` first (${error.message})`);
    process.exit(2);
  }
}
