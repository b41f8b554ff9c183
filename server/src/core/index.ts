/**
 * The AVV Studio analysis core: parse a contract once into its model and answer every question about it.
 * No `vscode`, no language-server connection: the shells (server, client, CLI) pass documents and knowledge in.
 */
export { parseContract, type ContractInput, type ParsedContract } from './model/build.js';
export { MarkdownCache, chunkBoundaries } from './parse/incremental.js';
export type * from './model/types.js';
export type { Position, Range } from './text/lineIndex.js';
export { LineIndex } from './text/lineIndex.js';
export type { Knowledge, LawInfo, NormInfo, EuActInfo } from './knowledge/types.js';
export { loadKnowledge, findDataDir } from './knowledge/load.js';
export { modelToJson } from './model/serialize.js';
export { citeLabel, sectionLabel } from './model/labels.js';
export { analyze, countCoverage, coverageLine, type Analysis, type AnalysisSettings, type CoverageCount, type RequirementReport } from './analyze.js';
export type { Finding, Rule, RuleMeta, Severity, RelatedInformation } from './rules/types.js';
export { rules } from './rules/registry.js';
export { documentSymbols, type OutlineSymbol } from './features/symbols.js';
export { foldingRanges, type FoldingRange } from './features/folding.js';
export { elementAt, definition, references, prepareRename, rename, documentLinks, citationUrl, type LocationLink, type TextEdit, type DocumentLink } from './features/navigation.js';
export { hover, citationHover, type HoverResult } from './features/hover.js';
export { completions, type Completion } from './features/completion.js';
