import { LineIndex, type Position, type Range } from './lineIndex.js';
import { normalizeText, type NormalizedText } from './normalize.js';

/**
 * One contract text in the two coordinate systems the core uses: matching happens on the normalised
 * text (offsets called "n-offsets" here), ranges are reported in the original text in LSP coordinates.
 */
export class SourceText {
  readonly norm: NormalizedText;
  readonly originalLines: LineIndex;
  readonly lines: LineIndex;

  constructor(readonly original: string) {
    this.norm = normalizeText(original);
    this.originalLines = new LineIndex(original);
    this.lines = this.norm.text === original ? this.originalLines : new LineIndex(this.norm.text);
  }

  /** The normalised text all matchers run on. */
  get text(): string {
    return this.norm.text;
  }

  position(nOffset: number): Position {
    return this.originalLines.positionAt(this.norm.toOriginal(nOffset));
  }

  range(nStart: number, nEnd: number): Range {
    return { start: this.position(nStart), end: this.position(Math.max(nStart, nEnd)) };
  }

  /** The n-offset of an LSP position in the original text. */
  offsetAt(position: Position): number {
    return this.norm.fromOriginal(this.originalLines.offsetAt(position));
  }
}
