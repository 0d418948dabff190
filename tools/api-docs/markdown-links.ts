/**
 * The relative links of the repository's Markdown pages must lead somewhere:
 * every `[text](target)`, `![alt](target)`, `[id]: target` and HTML `href`/`src`
 * that is not a URL must name a file or folder inside the repository, and a
 * `#anchor` on a Markdown page must be one of that page's headings (GitHub's
 * slugs) or an explicit `<a id>`/`<a name>`. Code blocks and code spans are not
 * links. Run by `npm run docs:check` (tools/api-docs/generate.ts) in CI.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** One link that does not resolve: where it is written, what it says, what is wrong. */
export interface BrokenLink {
  /** The page, relative to the repository root. */
  readonly file: string;
  /** 1-based line of the link. */
  readonly line: number;
  readonly target: string;
  readonly problem: string;
}

/** A link as written on a page. */
export interface MarkdownLink {
  readonly line: number;
  readonly target: string;
}

/** The `.md` files of one folder of the repository, sorted, as repository paths. */
function markdownIn(root: string, dir: string): string[] {
  const abs = path.join(root, dir);
  if (!fs.existsSync(abs)) return [];
  return fs
    .readdirSync(abs)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => `${dir}/${f}`);
}

/** The `<group>/<project>/README.md` of every project under apps/, libs/ and tools/. */
function projectReadmes(root: string): string[] {
  return ['apps', 'libs', 'tools'].flatMap((group) => {
    const abs = path.join(root, group);
    if (!fs.existsSync(abs)) return [];
    return fs
      .readdirSync(abs)
      .sort()
      .map((project) => `${group}/${project}/README.md`)
      .filter((p) => fs.existsSync(path.join(root, p)));
  });
}

/**
 * The hand-written pages whose links are checked: the root README.md, every
 * docs/*.md, and the README of every app, lib and tool. (The generated
 * libs/<lib>/docs/api.md are TypeDoc's; docs:check compares them with the code.)
 */
export function pagesToCheck(root: string): string[] {
  return ['README.md', ...markdownIn(root, 'docs'), ...projectReadmes(root)].filter((p) => fs.existsSync(path.join(root, p)));
}

/** Lines outside fenced code blocks (``` or ~~~), code spans blanked, keeping line numbers. */
function proseLines(markdown: string): string[] {
  let fence: string | undefined;
  return markdown.split('\n').map((line) => {
    const opener = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence !== undefined) {
      if (opener && opener[1][0] === fence[0] && opener[1].length >= fence.length && line.trim() === opener[1]) fence = undefined;
      return '';
    }
    if (opener) {
      fence = opener[1];
      return '';
    }
    return line.replace(/(`+)[\s\S]*?\1/g, (span) => ' '.repeat(span.length));
  });
}

/** Every link target written on a page, outside code. */
export function linksOf(markdown: string): MarkdownLink[] {
  const links: MarkdownLink[] = [];
  proseLines(markdown).forEach((text, i) => {
    const line = i + 1;
    // [text](target) and ![alt](target), with an optional "title"; <target> for targets with spaces
    for (const m of text.matchAll(/!?\[(?:[^\]\\]|\\.)*\]\(\s*(<[^>]*>|[^)\s]+)(?:\s+"[^"]*")?\s*\)/g)) {
      links.push({ line, target: m[1].replace(/^<|>$/g, '') });
    }
    // [id]: target (reference definitions)
    const def = /^ {0,3}\[[^\]]+\]:\s*(\S+)/.exec(text);
    if (def) links.push({ line, target: def[1].replace(/^<|>$/g, '') });
    // HTML
    for (const m of text.matchAll(/<(?:a|img)\s[^>]*?(?:href|src)="([^"]*)"/gi)) links.push({ line, target: m[1] });
  });
  return links;
}

/**
 * GitHub's anchor for a heading (github-slugger): lower case, punctuation
 * dropped except `-` and `_`, each space a `-`; inline code, emphasis and link
 * syntax count by their text.
 */
export function githubSlug(heading: string): string {
  const text = heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/`/g, '')
    .replace(/(\*\*|__|\*|(?<![\p{L}\p{N}\\])_|_(?![\p{L}\p{N}]))/gu, '')
    .replace(/\\([!-/:-@[-`{-~])/g, '$1'); // backslash escapes: \_ is a literal _
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

/** The anchors a page offers: its headings' slugs (repeats get -1, -2, …) and explicit `<a id|name>`. */
export function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  const lines = proseLines(markdown);
  const raw = markdown.split('\n');
  lines.forEach((line, i) => {
    const atx = /^ {0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    // setext: a text line underlined with === or ---
    const setext = !atx && line.trim() !== '' && /^ {0,3}(=+|-+)\s*$/.test(raw[i + 1] ?? '') && !/^\s*[-*+|]/.test(line) ? line : undefined;
    const heading = atx ? raw[i].replace(/^ {0,3}#{1,6}\s+/, '').replace(/\s*#*\s*$/, '') : setext;
    if (heading !== undefined) {
      const base = githubSlug(heading);
      const n = seen.get(base) ?? 0;
      seen.set(base, n + 1);
      anchors.add(n === 0 ? base : `${base}-${n}`);
    }
    for (const m of raw[i].matchAll(/<a\s[^>]*?(?:id|name)="([^"]+)"/gi)) anchors.add(m[1]);
  });
  return anchors;
}

const EXTERNAL = /^[a-z][a-z0-9+.-]*:/i; // http:, https:, mailto:, …

/** Every relative link of `pages` (paths relative to `root`) that leads nowhere. */
export function brokenLinks(root: string, pages: readonly string[]): BrokenLink[] {
  const broken: BrokenLink[] = [];
  const anchorCache = new Map<string, Set<string>>();
  const anchorsOfFile = (abs: string) => {
    let anchors = anchorCache.get(abs);
    if (!anchors) {
      anchors = anchorsOf(fs.readFileSync(abs, 'utf8'));
      anchorCache.set(abs, anchors);
    }
    return anchors;
  };
  const rootAbs = path.resolve(root);
  for (const page of pages) {
    const pageAbs = path.resolve(rootAbs, page);
    for (const { line, target } of linksOf(fs.readFileSync(pageAbs, 'utf8'))) {
      if (EXTERNAL.test(target) || target.startsWith('//')) continue;
      const report = (problem: string) => broken.push({ file: page, line, target, problem });
      const hash = target.indexOf('#');
      const filePart = hash < 0 ? target : target.slice(0, hash);
      const anchor = hash < 0 ? undefined : decodeURIComponent(target.slice(hash + 1));
      let decoded: string;
      try {
        decoded = decodeURIComponent(filePart.replace(/\?.*$/, ''));
      } catch {
        report('is not a valid URL path');
        continue;
      }
      const abs = decoded === '' ? pageAbs : decoded.startsWith('/') ? path.join(rootAbs, decoded) : path.resolve(path.dirname(pageAbs), decoded);
      const rel = path.relative(rootAbs, abs);
      if (rel.startsWith('..') || path.isAbsolute(rel)) {
        report('leads outside the repository');
        continue;
      }
      if (!fs.existsSync(abs)) {
        report(`names ${rel.split(path.sep).join('/')}, which does not exist`);
        continue;
      }
      if (anchor !== undefined && anchor !== '' && abs.endsWith('.md') && fs.statSync(abs).isFile()) {
        if (!anchorsOfFile(abs).has(anchor)) report(`#${anchor} is not a heading or anchor of ${rel.split(path.sep).join('/')}`);
      }
    }
  }
  return broken;
}

/** The docs/*.md pages the root README.md does not link to (its "Where to read more" lists them all). */
export function docsNotLinkedFromReadme(root: string): string[] {
  const readme = path.join(root, 'README.md');
  if (!fs.existsSync(readme)) return [];
  const linked = new Set(
    linksOf(fs.readFileSync(readme, 'utf8'))
      .map((l) => l.target.replace(/#.*$/, ''))
      .filter((t) => !EXTERNAL.test(t))
      .map((t) => path.posix.normalize(t)),
  );
  return markdownIn(root, 'docs').filter((p) => !linked.has(p));
}

/** One line per problem, for the console. */
export function formatBrokenLink(b: BrokenLink): string {
  return `${b.file}:${b.line}: (${b.target}) ${b.problem}`;
}
