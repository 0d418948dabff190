import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { anchorsOf, brokenLinks, docsNotLinkedFromReadme, githubSlug, linksOf, pagesToCheck } from './markdown-links';

const repoRoot = path.resolve(__dirname, '../..');

/** A throwaway repository: { 'README.md': '...', 'docs/a.md': '...' }. */
function repo(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'md-links-'));
  for (const [rel, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), content);
  }
  return dir;
}

const made: string[] = [];
afterAll(() => made.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
function checked(files: Record<string, string>) {
  const dir = repo(files);
  made.push(dir);
  return { dir, broken: brokenLinks(dir, pagesToCheck(dir)) };
}

describe('githubSlug: the anchors GitHub gives headings', () => {
  it.each([
    ['3. Where plans run: `ci.workloadsPlan`', '3-where-plans-run-ciworkloadsplan'],
    ['First apply of a workloads stack (CRDs at plan time)', 'first-apply-of-a-workloads-stack-crds-at-plan-time'],
    ['The reference documents ("seeds")', 'the-reference-documents-seeds'],
    ['Operating it: deploy, review, upgrade', 'operating-it-deploy-review-upgrade'],
    ['EXTERNAL\\_SECRETS\\_ACTIONS', 'external_secrets_actions'],
    ['**Bold** and [a link](x.md)', 'bold-and-a-link'],
    ['Spot + on-demand', 'spot--on-demand'],
  ])('%s → %s', (heading, slug) => {
    expect(githubSlug(heading)).toBe(slug);
  });

  it('numbers repeated headings and keeps explicit <a id> anchors', () => {
    const anchors = anchorsOf('# Setup\n\n## Setup\n\nSetup\n-----\n\n<a id="custom"></a>\n');
    expect([...anchors].sort()).toEqual(['custom', 'setup', 'setup-1', 'setup-2']);
  });

  it('takes no headings from code blocks', () => {
    expect(anchorsOf('```markdown\n## Plan review\n```\n# Real\n').has('plan-review')).toBe(false);
  });
});

describe('linksOf: what counts as a link', () => {
  it('finds inline links, images, reference definitions and HTML, with their lines', () => {
    const links = linksOf('[a](one.md)\n![img](pic.png "title")\n[ref]: two.md#x\n<a href="three.md">3</a>\n[spaced](<my file.md>)\n');
    expect(links).toEqual([
      { line: 1, target: 'one.md' },
      { line: 2, target: 'pic.png' },
      { line: 3, target: 'two.md#x' },
      { line: 4, target: 'three.md' },
      { line: 5, target: 'my file.md' },
    ]);
  });

  it('ignores links inside fenced code blocks and code spans', () => {
    expect(linksOf('```md\n[a](gone.md)\n```\n~~~\n[b](gone.md)\n~~~\nsee `[c](gone.md)` here\n')).toEqual([]);
  });
});

describe('brokenLinks', () => {
  it('passes links to existing files, folders, headings and explicit anchors', () => {
    const { broken } = checked({
      'README.md': '# Map\n\n[deploy](docs/deploy.md#2-deploy-in-order) [tools](tools/) [top](#map) [https](https://example.com/x.md) [mail](mailto:a@b.c)\n',
      'docs/deploy.md': '# Deploy\n\n## 2. Deploy, in order\n\n[back](../README.md#map) [here](#deploy) [lib](../libs/x/README.md#custom)\n',
      'libs/x/README.md': '# x\n<a id="custom"></a>\n',
      'tools/keep': '',
    });
    expect(broken).toEqual([]);
  });

  it('fails on a missing file, a missing anchor, and a link that leaves the repository, naming page and line', () => {
    const { broken } = checked({
      'README.md': '# Map\n\n[gone](docs/gone.md)\n[anchor](docs/a.md#nowhere)\n[outside](../shared/reference/000.txt)\n[self](#not-here)\n',
      'docs/a.md': '# A\n\n[moved text keeps a README-relative path](docs/a.md)\n',
    });
    expect(broken).toEqual([
      { file: 'README.md', line: 3, target: 'docs/gone.md', problem: 'names docs/gone.md, which does not exist' },
      { file: 'README.md', line: 4, target: 'docs/a.md#nowhere', problem: '#nowhere is not a heading or anchor of docs/a.md' },
      { file: 'README.md', line: 5, target: '../shared/reference/000.txt', problem: 'leads outside the repository' },
      { file: 'README.md', line: 6, target: '#not-here', problem: '#not-here is not a heading or anchor of README.md' },
      { file: 'docs/a.md', line: 3, target: 'docs/a.md', problem: 'names docs/docs/a.md, which does not exist' },
    ]);
  });

  it('checks the READMEs of apps, libs and tools too', () => {
    const { broken } = checked({ 'README.md': '# Map\n', 'libs/x/README.md': '# x\n\n[api](docs/api.md)\n' });
    expect(broken.map((b) => `${b.file}:${b.line}`)).toEqual(['libs/x/README.md:3']);
  });
});

describe('docsNotLinkedFromReadme', () => {
  it('names every docs page the README does not link', () => {
    const dir = repo({ 'README.md': '# Map\n\n- [a](docs/a.md#x)\n', 'docs/a.md': '# A\n', 'docs/b.md': '# B\n' });
    made.push(dir);
    expect(docsNotLinkedFromReadme(dir)).toEqual(['docs/b.md']);
  });
});

// The repository itself (npm run docs:check runs the same check in CI, uncached).
describe('this repository', () => {
  it('has no broken relative link in README.md, docs/*.md or a project README', () => {
    const pages = pagesToCheck(repoRoot);
    expect(pages).toEqual(expect.arrayContaining(['README.md', 'docs/deploy.md', 'libs/primitives/README.md']));
    expect(brokenLinks(repoRoot, pages)).toEqual([]);
  });

  it('lists every docs page in README.md', () => {
    expect(docsNotLinkedFromReadme(repoRoot)).toEqual([]);
  });

  it('keeps the README a map: at most 300 lines, with a table of contents whose entries resolve', () => {
    const readme = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    expect(readme.split('\n').length).toBeLessThanOrEqual(300);
    const contents = readme.split(/^## /m).find((s) => s.startsWith('Contents\n'));
    expect(contents).toBeDefined();
    const sections = readme.match(/^## .*/gm)!.map((h) => githubSlug(h.slice(3))).filter((s) => s !== 'contents');
    expect(linksOf(contents!).map((l) => l.target)).toEqual(sections.map((s) => `#${s}`));
  });

  it('keeps the two commands CI runs: npm install, npm run synth, npm test', () => {
    const readme = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    expect(readme).toMatch(/^npm install && npm run synth\s/m);
    expect(readme).toMatch(/^npm test\s/m);
  });
});
