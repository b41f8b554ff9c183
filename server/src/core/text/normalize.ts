/**
 * Normalisation of contract text for matching, with a map back to the original.
 *
 * Word exports contain decomposed umlauts (u + U+0308), soft hyphens inside words and no-break spaces.
 * Every matcher in the core works on the normalised text; every range it reports is mapped back to the
 * original text through {@link NormalizedText.toOriginal}, so the editor sees exact positions.
 */

const SOFT_HYPHEN = 0x00ad;
const SPACE_LIKE = new Set([0x00a0, 0x2007, 0x202f, 0x2009, 0x200a]);
const REMOVED = new Set([SOFT_HYPHEN, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff]);
const COMBINING = /\p{M}/u;

export interface NormalizedText {
  /** The original text, exactly as the editor has it. */
  readonly original: string;
  /** NFC text without soft hyphens and zero-width characters, no-break spaces as spaces. */
  readonly text: string;
  /** Maps an offset in {@link text} (0..text.length) to an offset in {@link original}. */
  toOriginal(offset: number): number;
  /** Maps an offset in the original to the nearest offset in the normalised text at or before it. */
  fromOriginal(offset: number): number;
}

/** Normalises `original`; when nothing changes, the map is the identity and costs nothing. */
export function normalizeText(original: string): NormalizedText {
  if (!needsNormalization(original)) {
    return { original, text: original, toOriginal: (o) => o, fromOriginal: (o) => o };
  }
  const out: string[] = [];
  // map[i] = original offset of normalised offset i; length text.length + 1
  const map: number[] = [];
  let i = 0;
  const n = original.length;
  while (i < n) {
    const cp = original.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    if (REMOVED.has(cp)) {
      i += width;
      continue;
    }
    if (SPACE_LIKE.has(cp)) {
      out.push(' ');
      map.push(i);
      i += 1;
      continue;
    }
    // a base character followed by combining marks is normalised as one cluster
    let j = i + width;
    while (j < n) {
      const next = original.codePointAt(j)!;
      if (!COMBINING.test(String.fromCodePoint(next))) break;
      j += next > 0xffff ? 2 : 1;
    }
    const cluster = original.slice(i, j);
    const normalized = j - i === width ? cluster : cluster.normalize('NFC');
    for (let k = 0; k < normalized.length; k++) {
      out.push(normalized[k]!);
      // a character that came from a cluster maps to the cluster's start, except the last one keeps order
      map.push(k === 0 ? i : Math.min(i + k, j - 1));
    }
    i = j;
  }
  map.push(n);
  const text = out.join('');
  const toOriginal = (offset: number): number => {
    if (offset <= 0) return 0;
    if (offset >= map.length - 1) return n;
    return map[offset]!;
  };
  const fromOriginal = (offset: number): number => {
    // binary search: largest i with map[i] <= offset
    let lo = 0;
    let hi = map.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (map[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  return { original, text, toOriginal, fromOriginal };
}

function needsNormalization(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x00a0) continue;
    if (SPACE_LIKE.has(c) || REMOVED.has(c)) return true;
  }
  return s.normalize('NFC') !== s;
}

/** Folds text for keyword comparison: NFC, lower case, ß kept, whitespace collapsed. */
export function foldForMatch(s: string): string {
  return s.normalize('NFC').toLocaleLowerCase('de-DE').replace(/\s+/g, ' ').trim();
}
