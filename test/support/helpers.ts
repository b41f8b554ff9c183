import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadKnowledge, parseContract, type Knowledge, type ParsedContract } from '../../server/src/core/index.js';

/** The repository root (tests run from out/test/…). */
export const repoRoot = path.resolve(__dirname, '../../..');
export const fixturesDir = path.join(repoRoot, 'test', 'fixtures', 'contracts');

let knowledge: Knowledge | undefined;
export function testKnowledge(): Knowledge {
  return (knowledge ??= loadKnowledge(process.env['AVV_DATA_DIR'] ?? path.join(repoRoot, 'data')));
}

export function parse(text: string, uri = 'file:///test.avv.md'): ParsedContract {
  return parseContract({ uri, version: 1, text }, testKnowledge());
}

export function parseFixture(name: string): ParsedContract {
  const file = path.join(fixturesDir, name);
  return parse(fs.readFileSync(file, 'utf8'), `file://${file}`);
}

/** Compares `actual` with the snapshot file; UPDATE_SNAPSHOTS=1 rewrites it. */
export function matchSnapshot(actual: unknown, file: string): { equal: boolean; expected: unknown } {
  const json = JSON.stringify(actual, null, 2) + '\n';
  if (process.env['UPDATE_SNAPSHOTS'] === '1' || !fs.existsSync(file)) {
    if (process.env['CI'] && !fs.existsSync(file)) throw new Error(`snapshot missing in CI: ${file}`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, json);
  }
  const expected = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
  return { equal: JSON.stringify(expected) === JSON.stringify(actual), expected };
}
