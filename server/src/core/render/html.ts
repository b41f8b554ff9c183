import type { Element, ElementContent, Root as HastRoot, Text } from 'hast';
import { defaultSchema, type Schema } from 'hast-util-sanitize';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import type { ParsedContract } from '../model/build.js';
import type { Section } from '../model/types.js';

/**
 * Renders a contract to HTML from the same text and model as the diagnostics: remark → rehype,
 * sanitised (no script, no event handler, no javascript: URL survives), with `data-line` on every
 * block for scroll sync, the parties as a title block, a table of contents, annexes on their own
 * pages and placeholders visibly marked.
 */

// GitHub's schema, plus our own classes and data-line on every element (classes cannot execute anything
// under the CSP) and <mark> for placeholders; links only to http(s) and mail. The default protocols for src,
// cite and longDesc must stay: without them any scheme passes (an <img src="javascript:…"> got through).
const schema: Schema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []), 'mark'],
  attributes: {
    ...Object.fromEntries(Object.entries(defaultSchema.attributes ?? {}).map(([tag, attrs]) => [
      tag,
      attrs.filter((a) => !(Array.isArray(a) && a[0] === 'className')),
    ])),
    '*': [...(defaultSchema.attributes?.['*'] ?? []), 'dataLine', 'className'],
  },
  protocols: { ...defaultSchema.protocols, href: ['http', 'https', 'mailto'] },
};

/** The contract body as an HTML fragment. */
export function renderHtmlFragment(parsed: ParsedContract): string {
  const { model, source } = parsed;
  const annexLines = new Set(model.annexes.map((a) => a.heading.range.start.line));
  const sectionLines = new Map(model.allSections.map((s) => [s.heading.range.start.line, s] as const));
  const signatureLines = model.signatureBlock ? [model.signatureBlock.range.start.line, model.signatureBlock.range.end.line] : undefined;
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkFrontmatter, ['yaml'])
    .use(remarkRehype)
    .use(() => (tree: HastRoot) => {
      visit(tree, 'element', (node: Element) => {
        const line = node.position?.start.line;
        if (line === undefined || !BLOCKS.has(node.tagName)) return;
        const zeroBased = line - 1;
        node.properties = { ...node.properties, dataLine: String(zeroBased) };
        const classes: string[] = [];
        const section = sectionLines.get(zeroBased);
        if (section) classes.push(section.kind === 'annex' ? 'annex' : 'section', `level-${section.level}`);
        if (annexLines.has(zeroBased)) classes.push('page-break');
        if (signatureLines && zeroBased >= signatureLines[0]! && zeroBased <= signatureLines[1]!) classes.push('signature');
        if (classes.length) node.properties['className'] = classes;
      });
      markPlaceholders(tree);
    })
    .use(rehypeSanitize, schema)
    .use(rehypeStringify);
  return String(processor.processSync(source.text));
}

const BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'table', 'tr', 'blockquote', 'pre', 'hr', 'ul', 'ol']);
const PLACEHOLDER = /\{\{\s*[\p{L}\d_.-]+\s*\}\}|\[(?:TODO|TBD|…|\.\.\.|●|[\p{Lu}][^\[\]\n]{0,58})\](?![(\[:])|_{3,}/gu;

function markPlaceholders(tree: HastRoot): void {
  visit(tree, 'text', (node: Text, index, parent) => {
    if (!parent || index === undefined || (parent.type === 'element' && (parent.tagName === 'code' || parent.tagName === 'a'))) return;
    const parts: ElementContent[] = [];
    let last = 0;
    for (const m of node.value.matchAll(PLACEHOLDER)) {
      if (m.index! > last) parts.push({ type: 'text', value: node.value.slice(last, m.index) });
      parts.push({ type: 'element', tagName: 'mark', properties: { className: ['placeholder'] }, children: [{ type: 'text', value: m[0] }] });
      last = m.index! + m[0].length;
    }
    if (parts.length === 0) return;
    if (last < node.value.length) parts.push({ type: 'text', value: node.value.slice(last) });
    parent.children.splice(index, 1, ...parts);
    return index + parts.length;
  });
}

/** The title block with the parties, as the contract's front matter or rubrum names them. */
export function renderTitleBlock(parsed: ParsedContract): string {
  const { model } = parsed;
  const title = model.title ?? 'Vertrag über die Auftragsverarbeitung';
  const parties = model.parties.map((p) => `<div class="party"><div class="role">${p.role === 'controller' ? 'Verantwortlicher' : 'Auftragsverarbeiter'}</div><div class="name">${esc(p.name)}</div>${p.address ? `<div>${esc(p.address)}</div>` : ''}${p.representedBy ? `<div>vertreten durch ${esc(p.representedBy)}</div>` : ''}</div>`).join('');
  return `<header class="title-block"><h1 class="contract-title">${esc(title)}</h1>${parties ? `<div class="parties">${parties}</div>` : ''}</header>`;
}

/** The table of contents: sections with their numbered children, then the annexes; each entry knows its line. */
export function renderToc(parsed: ParsedContract, linked = false): string {
  const toc = [...parsed.model.sections, ...parsed.model.annexes].map((s) => tocEntry(s, linked)).join('');
  return toc ? `<nav class="toc"><h2>Inhalt</h2><ol>${toc}</ol></nav>` : '';
}

/** One requirement in the compliance panel (built by the shell from the analysis and the rule titles). */
export interface ComplianceEntry {
  status: 'present' | 'partial' | 'missing' | 'n/a';
  title: string;
  norm: string | null;
  missing: string[];
  /** The line of the evidence, or where a missing requirement belongs. */
  line?: number;
}

/**
 * The compliance panel of the preview: every requirement with ✓ / ◐ / ✗ / –, grouped, each clickable to
 * its evidence or to the place where it is missing (data-reveal-line; the preview script posts it).
 */
export function renderCompliancePanel(groups: { title: string; summary: string; entries: ComplianceEntry[] }[], heading: string): string {
  const cls = { present: 'present', partial: 'partial', missing: 'missing', 'n/a': 'na' } as const;
  const item = (e: ComplianceEntry) => {
    const text = `${esc(e.title)}${e.norm ? ` <span class="norm">(${esc(e.norm)})</span>` : ''}${e.missing.length ? `<div class="missing-parts">${esc(e.missing.join('; '))}</div>` : ''}`;
    const body = e.line !== undefined ? `<a href="#" data-reveal-line="${e.line}">${text}</a>` : text;
    return `<li class="${cls[e.status]}">${body}</li>`;
  };
  const sections = groups.map((g) => `<section><h3>${esc(g.title)} <span class="summary">${esc(g.summary)}</span></h3><ul>${g.entries.map(item).join('')}</ul></section>`).join('');
  return `<aside class="compliance"><h2>${esc(heading)}</h2>${sections}</aside>`;
}

/** A standalone HTML document (export): title block, table of contents, body; no scripts, strict CSP. */
export function renderHtmlDocument(parsed: ParsedContract): string {
  const { model } = parsed;
  const title = model.title ?? 'Vertrag über die Auftragsverarbeitung';
  return `<!DOCTYPE html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${renderTitleBlock(parsed)}
${renderToc(parsed)}
<main>
${renderHtmlFragment(parsed)}
</main>
</body>
</html>
`;
}

function tocEntry(s: Section, linked: boolean): string {
  const label = esc(`${s.label} ${s.title}`.trim());
  const children = s.kind === 'annex' ? '' : s.children.filter((c) => c.title).map((c) => tocEntry(c, linked)).join('');
  // in the preview an entry reveals its heading in the editor; the exported file has no script to follow it
  const entry = linked ? `<a href="#" data-reveal-line="${s.heading.range.start.line}">${label}</a>` : label;
  return `<li>${entry}${children ? `<ol>${children}</ol>` : ''}</li>`;
}

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const STYLE = `
body { font-family: "Georgia", "Times New Roman", serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; color: #111; }
h1, h2, h3, h4 { font-family: "Helvetica Neue", Arial, sans-serif; }
.title-block { text-align: center; margin-bottom: 2rem; }
.parties { display: flex; gap: 2rem; justify-content: center; margin-top: 1rem; }
.party { flex: 1; border-top: 1px solid #999; padding-top: .5rem; }
.party .role { font-size: .8rem; text-transform: uppercase; letter-spacing: .05em; color: #555; }
.party .name { font-weight: bold; }
nav.toc { border: 1px solid #ddd; padding: .5rem 1rem; margin-bottom: 2rem; }
nav.toc ol { list-style: none; padding-left: 1rem; }
mark.placeholder { background: #fff3b0; outline: 1px dashed #c90; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #999; padding: .25rem .5rem; vertical-align: top; }
.page-break { break-before: page; margin-top: 3rem; }
.signature { font-family: "Helvetica Neue", Arial, sans-serif; }
@media print { nav.toc { break-after: page; } body { margin: 0; } }
`;
