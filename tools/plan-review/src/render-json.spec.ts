import { buildReview } from './review';
import { renderJson } from './render-json';
import { baseSynth, headSynth } from '../test/fixtures';

describe('renderJson', () => {
  const json = JSON.parse(renderJson(buildReview(baseSynth(), headSynth(), { label: 'main', sha: 'a1' }, { label: 'working tree' })));

  it('carries the summary a machine needs', () => {
    expect(json).toMatchObject({ version: 1, changed: true, stacksAdded: ['jobs'], stacksRemoved: ['legacy'], affected: ['net', 'jobs'], base: { label: 'main', sha: 'a1' } });
    expect(json.stacks.map((s: { stack: string; status: string }) => `${s.stack}:${s.status}`)).toEqual(['net:changed', 'app:unchanged', 'jobs:added', 'legacy:removed']);
  });

  it('gives each changed attribute its path, action and values, masked', () => {
    const net = json.stacks[0];
    const vpc = net.changed.find((b: { address: string }) => b.address === 'aws_vpc.network_vpc_4E8F0223');
    expect(vpc).toEqual({
      address: 'aws_vpc.network_vpc_4E8F0223',
      kind: 'resource',
      type: 'aws_vpc',
      constructPath: 'network/vpc',
      attributes: [
        { path: 'tags.Owner', action: 'added', after: 'platform', sensitive: false },
        { path: 'tags["kubernetes.io/cluster/x"]', action: 'changed', before: 'shared', after: 'owned', sensitive: false },
      ],
    });
    expect(JSON.stringify(json)).not.toMatch(/hunter/);
  });

  it('carries the replacements, the destroys (with the likely rename), the unknown types and the cost', () => {
    expect(json.replacements).toEqual([]);
    expect(json.destroys).toEqual([
      expect.objectContaining({ stack: 'net', address: 'aws_subnet.old_subnet', likelyRenamedTo: 'aws_subnet.new_subnet', replacedEvenIfMoved: ['cidr_block', 'vpc_id'] }),
    ]);
    expect(json.unknownTypes).toEqual(['aws_secretsmanager_secret_version', 'aws_sns_topic']);
    expect(json.cost).toMatchObject({ currency: 'USD', asOf: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), environments: [] });
  });
});
