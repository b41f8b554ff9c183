import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import fc from 'fast-check';
import { loadClauseLibrary } from '../../server/src/core/fixes/index.js';
import { checkDocument, checkRange, fuzzProperties, loadFixtures, mutate, type FuzzEnv } from '../support/fuzz.js';
import { parse, repoRoot, testKnowledge } from '../support/helpers.js';

/**
 * Property and fuzz tests (fast-check): arbitrary text and structured mutations of the fixture contracts never
 * make the core throw, every returned range lies inside the document and never splits a surrogate pair, and
 * every offered fix yields a document that parses and is idempotent. FUZZ_RUNS sets the total number of cases
 * (default 2,000: about 40 s); FUZZ_SEED replays a run. `npm run fuzz` runs ≥ 100,000 (scripts/fuzz.mjs).
 */
const TOTAL = Number(process.env['FUZZ_RUNS'] ?? 2000);
const SEED = process.env['FUZZ_SEED'] === undefined ? undefined : Number(process.env['FUZZ_SEED']);

describe('fuzz', function () {
  this.timeout(600000);
  const env: FuzzEnv = { knowledge: testKnowledge(), library: loadClauseLibrary(path.join(repoRoot, 'data')), fixtures: loadFixtures(repoRoot) };

  describe('the checks themselves', () => {
    // the checker must be able to fail, or the properties prove nothing
    const r = (l1: number, c1: number, l2: number, c2: number) => ({ start: { line: l1, character: c1 }, end: { line: l2, character: c2 } });
    const ranges: [string, string, ReturnType<typeof r>, RegExp | undefined][] = [
      ['a whole surrogate pair', 'a\ud83d\ude00b', r(0, 1, 0, 3), undefined],
      ['a range ending inside a surrogate pair', 'a\ud83d\ude00b', r(0, 0, 0, 2), /splits a surrogate pair/u],
      ['a range starting inside a surrogate pair', 'a\ud83d\ude00b', r(0, 2, 0, 4), /splits a surrogate pair/u],
      ['a lone high surrogate before a letter', '\ud83da', r(0, 1, 0, 1), undefined],
      ['the end of the last line', 'ab\r\ncd', r(1, 2, 1, 2), undefined],
      ['a position between CR and LF', 'ab\r\ncd', r(0, 3, 0, 3), /beyond the end of its line/u],
      ['a line after the last one', 'ab\ncd', r(2, 0, 2, 0), /outside the document/u],
      ['an inverted range', 'abcd', r(0, 3, 0, 1), /inverted/u],
    ];
    for (const [name, text, range, error] of ranges) {
      it(`range check: ${name} ${error ? 'is rejected' : 'passes'}`, () => {
        if (error) assert.throws(() => checkRange(text, range), error);
        else assert.doesNotThrow(() => checkRange(text, range));
      });
    }

    it('a document check passes on a contract with astral characters and CRLF', () => {
      const text = '## § 1 Gegenstand \ud83d\ude00\r\n\r\n(1) Siehe § 1 und Art. 28 DSGVO.\r\n';
      assert.doesNotThrow(() => checkDocument(env, text, [0, 5, 19, 20, 40, 60]));
    });

    const table: [string, string, { kind: 'delete' | 'duplicate' | 'bom' | 'eol' | 'swap' | 'insert' | 'nul'; [k: string]: unknown }[], string][] = [
      ['delete', 'a\nb\nc', [{ kind: 'delete', at: 1 }], 'a\nc'],
      ['duplicate', 'a\nb\nc', [{ kind: 'duplicate', at: 1 }], 'a\nb\nb\nc'],
      ['swap', 'a\nb\nc', [{ kind: 'swap', at: 0, with: 2 }], 'cb\na\n'],
      ['insert', 'ab\ncd', [{ kind: 'insert', at: 1, column: 1, text: '\u202e' }], 'ab\nc\u202ed'],
      ['nul', 'ab', [{ kind: 'nul', at: 0, column: 4 }], 'a\u0000b'],
      ['eol CRLF', 'a\nb\rc', [{ kind: 'eol', eol: '\r\n', seed: 0 }], 'a\r\nb\r\nc'],
      ['eol mixed', 'a\nb\nc\nd', [{ kind: 'eol', eol: 'mixed', seed: 0 }], 'a\nb\r\nc\rd'],
      ['bom', 'a', [{ kind: 'bom' }], '\ufeffa'],
    ];
    for (const [name, text, mutations, expected] of table) {
      it(`mutation ${name}`, () => assert.equal(mutate(text, mutations as never), expected));
    }
  });

  describe('counterexamples the fuzzer found (front-matter-syntax ranges)', () => {
    const r = (l1: number, c1: number, l2: number, c2: number) => ({ start: { line: l1, character: c1 }, end: { line: l2, character: c2 } });
    const cases: [string, string, { message: string; range: ReturnType<typeof r> }[]][] = [
      // the error span ended between CR and LF
      ['duplicate key, CRLF', '---\r\ntitel: a\r\nparteien:\r\nparteien:\r\n  x: 1\r\n---\r\n\r\n## § 1 A\r\n', [{ message: 'Map keys must be unique', range: r(2, 9, 3, 0) }]],
      // CR-only line ends: the body was located at the first LF far below, and yaml read one long line
      ['duplicate key, CR only', '---\rtitel: a\rparteien:\rparteien:\r  x: 1\r---\r\r## § 1 A\n', [{ message: 'Map keys must be unique', range: r(2, 9, 3, 0) }]],
      ['valid front matter, CR only', '---\rtitel: a\rparteien:\r  auftraggeber:\r    name: A GmbH\r---\r\r## § 1 A\r', []],
      // yaml reported an offset between the two halves of an emoji
      ['error at an emoji', '---\na: \ud83d\ude00 b: c\n---\n', [{ message: 'Nested mappings are not allowed in compact mappings', range: r(1, 3, 1, 5) }]],
    ];
    for (const [name, text, expected] of cases) {
      it(name, () => {
        const parsed = parse(text);
        const errors = parsed.model.frontMatter?.errors.map((e) => ({ message: e.message, range: e.span.range }));
        assert.deepEqual(errors, expected);
        checkDocument(env, text, [0]);
      });
    }
  });

  const properties = fuzzProperties(env);
  for (const p of properties) {
    const numRuns = Math.max(1, Math.round(TOTAL * p.share));
    it(`${p.name} (${numRuns} cases)`, () => {
      fc.assert(p.property, { numRuns, ...(SEED !== undefined ? { seed: SEED } : {}) });
    });
  }
});
