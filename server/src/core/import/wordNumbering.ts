import { toRoman } from '../parse/numbering.js';

/**
 * Word's automatic numbering, rebuilt. The numbers Word shows ("§ 3", "(2)", "b)", "IV.") are not in
 * the document text: they are computed from `word/numbering.xml` (a format and a level text such as
 * "§ %1" or "%1.%2" per list level) and counters that run through the document.
 */

export interface LevelFormat {
  /** decimal, lowerLetter, upperLetter, lowerRoman, upperRoman, bullet, none … */
  numFmt: string;
  /** The level text with placeholders: "§ %1", "(%1)", "%1.%2", "Anlage %1". */
  lvlText: string;
  start: number;
}

export interface NumberingDefinitions {
  /** Levels by abstract numbering id and level index. */
  levels: Map<string, LevelFormat[]>;
  /** Levels linked to a paragraph style (Word's heading numbering): style id → [abstract id, level]. */
  byStyle: Map<string, { abstractId: string; level: number }>;
}

/** Prefix of the synthetic paragraph-style ids that carry "abstract id:level" through mammoth. */
export const LEVEL_KEY_PREFIX = 'avv-numbering:';

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) =>
    e.startsWith('#x') || e.startsWith('#X') ? String.fromCodePoint(parseInt(e.slice(2), 16)) : e.startsWith('#') ? String.fromCodePoint(parseInt(e.slice(1), 10)) : XML_ENTITIES[e] ?? m,
  );
}

function attr(xml: string, element: string): string | undefined {
  const m = new RegExp(`<w:${element}\\b[^>]*?\\bw:val="([^"]*)"`).exec(xml);
  return m ? decodeXml(m[1]!) : undefined;
}

/**
 * Reads the numbering definitions and returns a copy of numbering.xml in which every level without a
 * linked paragraph style gets a synthetic one naming its abstract numbering and level. mammoth resolves
 * num → abstractNum → level (including style links) and hands that level's style id to each paragraph;
 * the synthetic id tells us which level text applies. No real paragraph uses these ids, so the
 * conversion itself is unchanged.
 */
export function readNumbering(xml: string): { definitions: NumberingDefinitions; tagged: string } {
  return tagLevels(restartingNums(xml));
}

/**
 * A list that restarts ("a)" again after a paragraph) is a new w:num over the same abstract numbering
 * with a start override; its counters are its own. Each such num gets a copy of its abstract numbering
 * (start values overridden), so that the counters, which run per abstract numbering, restart as in Word.
 */
function restartingNums(xml: string): string {
  const abstracts = new Map<string, string>();
  for (const m of xml.matchAll(/<w:abstractNum\b[^>]*?w:abstractNumId="([^"]*)"[^>]*>[\s\S]*?<\/w:abstractNum>/g)) abstracts.set(m[1]!, m[0]);
  const copies: string[] = [];
  const out = xml.replace(/<w:num\b[^>]*?w:numId="(\d+)"[^>]*>([\s\S]*?)<\/w:num>/g, (whole, numId: string, body: string) => {
    const abstractId = /<w:abstractNumId\b[^>]*?w:val="([^"]*)"/.exec(body)?.[1];
    const overrides = [...body.matchAll(/<w:lvlOverride\b[^>]*?w:ilvl="(\d+)"[^>]*>[\s\S]*?<w:startOverride\b[^>]*?w:val="(\d+)"[\s\S]*?<\/w:lvlOverride>/g)];
    const source = abstractId !== undefined ? abstracts.get(abstractId) : undefined;
    if (!source || overrides.length === 0) return whole;
    const copyId = String(1_000_000 + parseInt(numId, 10));
    let copy = source.replace(/(<w:abstractNum\b[^>]*?w:abstractNumId=")[^"]*"/, `$1${copyId}"`);
    for (const [, ilvl, start] of overrides) {
      copy = copy.replace(new RegExp(`(<w:lvl\\b[^>]*?w:ilvl="${ilvl}"[^>]*>)([\\s\\S]*?)(<\\/w:lvl>)`), (_m, open: string, lvl: string, close: string) =>
        open + (/<w:start\b/.test(lvl) ? lvl.replace(/(<w:start\b[^>]*?w:val=")\d+"/, `$1${start}"`) : `<w:start w:val="${start}"/>${lvl}`) + close);
    }
    // a style-linked level (Word's heading numbering) belongs to its original numbering only
    copies.push(copy.replace(/<w:pStyle\b[^>]*\/>/g, ''));
    return whole.replace(/(<w:abstractNumId\b[^>]*?w:val=")[^"]*"/, `$1${copyId}"`);
  });
  if (copies.length === 0) return xml;
  const firstNum = out.search(/<w:num\b/);
  return out.slice(0, firstNum) + copies.join('') + out.slice(firstNum);
}

function tagLevels(xml: string): { definitions: NumberingDefinitions; tagged: string } {
  const definitions: NumberingDefinitions = { levels: new Map(), byStyle: new Map() };
  const tagged = xml.replace(/<w:abstractNum\b[^>]*?w:abstractNumId="([^"]*)"[^>]*>([\s\S]*?)<\/w:abstractNum>/g, (whole, id: string) => {
    const levels: LevelFormat[] = [];
    const out = whole.replace(/(<w:lvl\b[^>]*?w:ilvl="(\d+)"[^>]*>)([\s\S]*?)(<\/w:lvl>)/g, (_m, open: string, ilvl: string, body: string, close: string) => {
      const level = parseInt(ilvl, 10);
      levels[level] = {
        numFmt: attr(body, 'numFmt') ?? 'decimal',
        lvlText: attr(body, 'lvlText') ?? '',
        start: parseInt(attr(body, 'start') ?? '1', 10),
      };
      const style = attr(body, 'pStyle');
      if (style !== undefined) {
        definitions.byStyle.set(style, { abstractId: id, level });
        return open + body + close;
      }
      return `${open}<w:pStyle w:val="${LEVEL_KEY_PREFIX}${id}:${level}"/>${body}${close}`;
    });
    definitions.levels.set(id, levels);
    return out;
  });
  return { definitions, tagged };
}

/** The abstract numbering and level of a paragraph, from the style id mammoth reports for its level. */
export function levelOf(definitions: NumberingDefinitions, paragraphStyleId: string | undefined | null): { abstractId: string; level: number } | undefined {
  if (!paragraphStyleId) return undefined;
  if (paragraphStyleId.startsWith(LEVEL_KEY_PREFIX)) {
    const [abstractId, level] = paragraphStyleId.slice(LEVEL_KEY_PREFIX.length).split(':');
    return { abstractId: abstractId!, level: parseInt(level!, 10) };
  }
  return definitions.byStyle.get(paragraphStyleId);
}

export function formatNumber(n: number, numFmt: string): string {
  switch (numFmt) {
    case 'lowerLetter': return letters(n);
    case 'upperLetter': return letters(n).toUpperCase();
    case 'lowerRoman': return toRoman(n).toLowerCase();
    case 'upperRoman': return toRoman(n);
    case 'decimalZero': return n < 10 ? `0${n}` : String(n);
    default: return String(n);
  }
}

/** a … z, then aa … zz (as Word and German contracts count letters). */
export function letters(n: number): string {
  const c = String.fromCharCode(96 + ((n - 1) % 26) + 1);
  return c.repeat(Math.floor((n - 1) / 26) + 1);
}

/** Counters per abstract numbering, as Word keeps them. */
export class NumberingCounters {
  private readonly counters = new Map<string, number[]>();

  constructor(private readonly definitions: NumberingDefinitions) {}

  /** Advances the counter of this level, resets the deeper ones and returns the rendered level text. */
  next(abstractId: string, level: number): { text: string; format: LevelFormat | undefined; value: number } {
    const formats = this.definitions.levels.get(abstractId) ?? [];
    const counters = this.counters.get(abstractId) ?? [];
    for (let l = 0; l < level; l++) counters[l] ??= formats[l]?.start ?? 1;
    counters[level] = counters[level] === undefined ? formats[level]?.start ?? 1 : counters[level]! + 1;
    counters.length = level + 1;
    this.counters.set(abstractId, counters);
    const format = formats[level];
    const text = format
      ? format.numFmt === 'bullet' || format.numFmt === 'none'
        ? format.lvlText
        : format.lvlText.replace(/%(\d)/g, (_m, d: string) => {
          const l = parseInt(d, 10) - 1;
          return formatNumber(counters[l] ?? 1, formats[l]?.numFmt ?? 'decimal');
        })
      : String(counters[level]);
    return { text, format, value: counters[level]! };
  }

  /** Restarts every numbering except the given ones (the Absätze count anew in each section). */
  resetExcept(keep: Set<string>): void {
    for (const id of [...this.counters.keys()]) if (!keep.has(id)) this.counters.delete(id);
  }
}
