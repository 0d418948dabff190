import { buildReview } from './review';
import { code, formatValue, renderMarkdown } from './render-markdown';
import { renderRisks } from './render-risks';
import { baseSynth, headSynth } from '../test/fixtures';

const review = buildReview(baseSynth(), headSynth(), { label: 'main', sha: 'aaaaaaaaaaaa' }, { label: 'working tree', sha: 'bbbbbbbbbbbb', dirty: true });
const md = renderMarkdown(review);
const lines = md.split('\n');

describe('renderMarkdown', () => {
  it('opens with a summary: stacks changed/added/removed, both revisions, a table', () => {
    expect(lines[0]).toBe('## Plan review: 1 stack changed, 1 added, 1 removed');
    expect(lines.find((l) => l.startsWith('`main`'))).toMatch(/^`main` \(`aaaaaaa`\) → `working tree` \(`bbbbbbb` \+ uncommitted changes\) · blocks 3 added, 2 removed, 8 changed/);
    expect(md).toContain(['| `net` | 2 | 1 | 8 |', '| `jobs` (new) | 1 | 0 | 0 |', '| `legacy` (removed) | 0 | 1 | 0 |'].join('\n'));
    expect(md).toContain('Stacks to plan, in dependency order: `net` → `jobs`');
  });

  it('shows each change as path: old → new, added and removed attributes', () => {
    expect(lines).toEqual(
      expect.arrayContaining([
        '- `aws_vpc.network_vpc_4E8F0223` — network/vpc',
        '  - `tags.Owner`: added `"platform"`',
        '  - `tags["kubernetes.io/cluster/x"]`: `"shared"` → `"owned"`',
        '  - `assume_role_policy<json>.Statement[0].Condition.StringEquals.sub`: `"a"` → `"b"`',
        '  - `s3.key`: `"dev/net.tfstate"` → `"dev/network.tfstate"`',
      ]),
    );
  });

  it('shows masked values as (sensitive), never the secret', () => {
    expect(lines).toContain('  - `secret_string`: (sensitive) → (sensitive) 🔒');
    expect(md).not.toMatch(/hunter|"p1"|"p2"|"s1"|"s2"/);
  });

  it('warns that removing a stack does not destroy it', () => {
    expect(md).toContain('### `legacy` (stack removed) — 0 added, 1 removed, 0 changed');
    expect(md).toContain('run `cdktf destroy legacy` from the base revision before merging');
  });

  it('says so when nothing changed', () => {
    const same = buildReview(baseSynth(), baseSynth(), { label: 'a' }, { label: 'b' });
    expect(renderMarkdown(same)).toBe('## Plan review: no changes\n\n`a` → `b`: every stack synthesizes to the same Terraform configuration.\n');
  });

  it('opens with what is destroyed, a removed + added pair of one type flagged as a rename with the fix', () => {
    expect(lines[2]).toBe('### 🗑️ Destroys: 1 resource removed from the code');
    expect(lines[4]).toBe(
      "- `net` `aws_subnet.old_subnet` — old_subnet: **likely renamed** to `aws_subnet.new_subnet` (same type, added in the same stack); Terraform destroys it and creates the new one — to keep it, call `.moveFromId('aws_subnet.old_subnet')` on the renamed construct (cdktf writes `moved { from = aws_subnet.old_subnet, to = aws_subnet.new_subnet }`), or `.addMoveTarget()`/`.moveTo()` between the two, or keep the old construct id (a move alone still replaces it: `cidr_block`, `vpc_id` differ too)",
    );
    expect(lines[5]).toBe('- stack `legacy` removed from the code: nothing is destroyed, its resources are left running unmanaged (see below)');
    expect(md).toContain('> ⚠️ Not in the force-new table: `aws_secretsmanager_secret_version`, `aws_sns_topic`.');
    expect(md.indexOf('Destroys')).toBeLessThan(md.indexOf('| stack | added | removed | changed |'));
  });

  it('stays under the comment size limit, naming the stacks left out', () => {
    const short = renderMarkdown(review, { maxLength: 2000 });
    expect(short.length).toBeLessThanOrEqual(2000);
    expect(short).toMatch(/not shown: .*`legacy`/);
  });
});

describe('formatValue', () => {
  it('quotes strings, compacts objects, cuts long values and survives backticks', () => {
    expect(formatValue('a')).toBe('`"a"`');
    expect(formatValue(undefined)).toBe('(none)');
    expect(formatValue({ a: [1] })).toBe('`{"a":[1]}`');
    expect(formatValue('x'.repeat(200), 20)).toBe('`"' + 'x'.repeat(18) + '…`');
    expect(code('a`b')).toBe('`` a`b ``');
  });
});

describe('renderMarkdown headline', () => {
  it('names only what happened', () => {
    const added = buildReview({ stacks: new Map(), manifest: { stacks: {} } }, headSynth(), { label: 'a' }, { label: 'b' });
    expect(renderMarkdown(added).split('\n')[0]).toBe('## Plan review: 3 stacks added');
  });
});

describe('the Replaces and Destroys sections', () => {
  it('list at most the row limit and count the rest', () => {
    const many = {
      ...review,
      replacements: Array.from({ length: 5 }, (_, i) => ({ stack: 's', address: `aws_vpc.v${i}`, type: 'aws_vpc', certain: true, reasons: [{ argument: 'cidr_block', before: 'a', after: 'b' }] })),
      destroys: Array.from({ length: 4 }, (_, i) => ({ stack: 's', address: `aws_vpc.d${i}`, type: 'aws_vpc' })),
      stacksRemoved: [],
      unknownTypes: [],
    };
    const text = renderRisks(many, { code, value: (v) => formatValue(v) }, 2).join('\n');
    expect(text.match(/`aws_vpc\.v\d`/g)).toEqual(['`aws_vpc.v0`', '`aws_vpc.v1`']);
    expect(text).toContain('_… and 3 more: see the JSON review');
    expect(text).toContain('- _… and 2 more: see the JSON review');
    expect(text).toContain('### ⚠️ Replaces: 5 resources are destroyed and re-created');
  });
});
