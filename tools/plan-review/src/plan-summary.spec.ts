import { failedPlan, renderPlansMarkdown, summarizePlan } from './plan-summary';

// The shape of `terraform show -json <planfile>` (only the fields read).
const plan = {
  format_version: '1.2',
  resource_changes: [
    { address: 'aws_vpc.vpc', change: { actions: ['no-op'] } },
    { address: 'aws_subnet.b', change: { actions: ['create'] } },
    { address: 'aws_subnet.a', change: { actions: ['create'] } },
    { address: 'aws_eks_cluster.c', change: { actions: ['update'] } },
    { address: 'aws_launch_template.lt', change: { actions: ['delete', 'create'] } },
    { address: 'aws_iam_role.r', change: { actions: ['create', 'delete'] } },
    { address: 'aws_s3_bucket.old', change: { actions: ['delete'] } },
    { address: 'data.aws_caller_identity.me', change: { actions: ['read'] } },
  ],
  output_changes: { vpc_id: { actions: ['no-op'] }, cluster_name: { actions: ['update'] } },
};

describe('summarizePlan', () => {
  it('groups addresses by action; both replace orders count as replace', () => {
    expect(summarizePlan('dev-network', plan)).toEqual({
      stack: 'dev-network',
      ok: true,
      create: ['aws_subnet.a', 'aws_subnet.b'],
      update: ['aws_eks_cluster.c'],
      replace: ['aws_iam_role.r', 'aws_launch_template.lt'],
      delete: ['aws_s3_bucket.old'],
      outputs: ['cluster_name'],
    });
  });
});

describe('renderPlansMarkdown', () => {
  it('tabulates each stack in the given order and lists every destroy and replace', () => {
    const md = renderPlansMarkdown([failedPlan('dev-workloads', 'plan failed: | Error: x\nmore'), summarizePlan('dev-network', plan), summarizePlan('dev-cluster', {})], {
      order: ['dev-network', 'dev-cluster', 'dev-workloads'],
      link: 'https://github.com/o/r/actions/runs/1',
    });
    expect(md.split('\n')).toEqual([
      '## Terraform plans',
      '',
      '| stack | add | change | replace | destroy | |',
      '|---|---:|---:|---:|---:|---|',
      '| `dev-network` | 2 | 1 | 2 | 1 | ⚠️ destroys |',
      '| `dev-cluster` | 0 | 0 | 0 | 0 | no changes |',
      '| `dev-workloads` | – | – | – | – | ❌ plan failed: \\| Error: x more |',
      '',
      '**Destroyed or replaced (check each one):**',
      '',
      '- `dev-network`: replace `aws_iam_role.r`',
      '- `dev-network`: replace `aws_launch_template.lt`',
      '- `dev-network`: destroy `aws_s3_bucket.old`',
      '',
      "Full plans (Terraform's text output, sensitive values hidden): the `plan-<stack>` artifacts of [this run](https://github.com/o/r/actions/runs/1).",
      '',
    ]);
  });

  it('says when there was nothing to plan', () => {
    expect(renderPlansMarkdown([])).toContain('No stack to plan');
  });
});
