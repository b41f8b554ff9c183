import type { ContractModel, Section } from '../model/types.js';

export interface FoldingRange {
  startLine: number;
  endLine: number;
  kind?: 'region' | 'comment';
}

/** Sections, annexes, Absätze, the front matter and the signature block fold. */
export function foldingRanges(model: ContractModel): FoldingRange[] {
  const out: FoldingRange[] = [];
  const add = (startLine: number, endLine: number, kind?: FoldingRange['kind']) => {
    if (endLine > startLine) out.push(kind ? { startLine, endLine, kind } : { startLine, endLine });
  };
  const visit = (s: Section) => {
    add(s.range.start.line, s.range.end.line);
    for (const c of s.clauses) add(c.range.start.line, c.range.end.line);
    s.children.forEach(visit);
  };
  model.sections.forEach(visit);
  model.annexes.forEach(visit);
  if (model.frontMatter) add(model.frontMatter.range.start.line, model.frontMatter.range.end.line, 'region');
  if (model.preamble) add(model.preamble.range.start.line, model.preamble.range.end.line - 1, 'region');
  if (model.signatureBlock) add(model.signatureBlock.range.start.line, model.signatureBlock.range.end.line, 'region');
  for (const d of model.directives) if (d.range.end.line > d.range.start.line) add(d.range.start.line, d.range.end.line, 'comment');
  return out.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}
