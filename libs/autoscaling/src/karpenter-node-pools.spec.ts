import { App } from 'cdk8s';
import { KARPENTER_DEFAULTS } from './karpenter-defaults';
import { KarpenterNodePoolsChart, karpenterNodePoolSpecs, type KarpenterNodePoolsInput } from './karpenter-node-pools';
import { celViolations, crdSchema, prunedFields, schemaErrors } from '../test/crd-schema';

const INPUT: KarpenterNodePoolsInput = {
  clusterName: 'prod-boomi-molecule',
  nodeRoleName: 'prod-boomi-molecule-karpenter-node',
  amiAlias: 'al2023@v20260714',
  settings: KARPENTER_DEFAULTS,
  tags: { Environment: 'prod', ManagedBy: 'cdktf' },
};
const NODEPOOL = crdSchema('karpenter.sh_nodepools.yaml');
const EC2NODECLASS = crdSchema('karpenter.k8s.aws_ec2nodeclasses.yaml');

function objects(input: KarpenterNodePoolsInput = INPUT): Record<string, any>[] {
  return new KarpenterNodePoolsChart(new App(), 'pools', input).toJson();
}

describe('Karpenter EC2NodeClass and NodePools', () => {
  it.each([false, true])('pass the CRDs’ OpenAPI schemas at v1.14.1 with no pruned field (atomQueuesInUse %s)', (atomQueuesInUse) => {
    const all = objects({ ...INPUT, atomQueuesInUse });
    expect(all.map((o) => `${o.apiVersion} ${o.kind} ${o.metadata.name}`)).toEqual([
      'karpenter.k8s.aws/v1 EC2NodeClass default',
      'karpenter.sh/v1 NodePool molecule',
      'karpenter.sh/v1 NodePool general',
    ]);
    for (const o of all) {
      const schema = o.kind === 'NodePool' ? NODEPOOL : EC2NODECLASS;
      expect(schemaErrors(schema, o)).toEqual([]);
      expect(prunedFields(schema, o)).toEqual([]);
      expect(celViolations(o)).toEqual([]);
    }
  });

  it('the transcribed CEL rules can fail: a restricted label, an empty In, a tag Karpenter owns', () => {
    const [nodeClass, molecule] = objects();
    const badPool = structuredClone(molecule);
    badPool.spec.template.metadata.labels['karpenter.sh/nodepool'] = 'x';
    badPool.spec.template.spec.requirements.push({ key: 'node.kubernetes.io/instance-type', operator: 'In', values: [] });
    expect(celViolations(badPool)).toEqual(['label karpenter.sh/nodepool is restricted', 'requirement node.kubernetes.io/instance-type: In needs values']);
    const badClass = structuredClone(nodeClass);
    badClass.spec.tags['kubernetes.io/cluster/x'] = 'owned';
    expect(celViolations(badClass)).toEqual(['tags.kubernetes.io/cluster/x is restricted']);
  });

  it('the schema check can fail: a wrong enum, a misspelt field and a bad duration are caught', () => {
    const [, molecule] = objects();
    const bad = structuredClone(molecule);
    bad.spec.disruption.consolidationPolicy = 'Always';
    bad.spec.disruption.consolidateAfer = '1m';
    bad.spec.template.spec.expireAfter = 'soon';
    expect(schemaErrors(NODEPOOL, bad).join('\n')).toMatch(/consolidationPolicy must be equal to one of the allowed values/);
    expect(schemaErrors(NODEPOOL, bad).join('\n')).toMatch(/expireAfter must match pattern/);
    expect(prunedFields(NODEPOOL, bad)).toEqual(['.spec.disruption.consolidateAfer']);
  });

  it('EC2NodeClass: pinned AMI alias, discovery tags, IMDSv2 with hop limit 1, encrypted gp3 root volume, the environment tags', () => {
    const { nodeClass } = karpenterNodePoolSpecs(INPUT);
    expect(nodeClass.spec).toMatchObject({
      role: 'prod-boomi-molecule-karpenter-node',
      amiSelectorTerms: [{ alias: 'al2023@v20260714' }],
      subnetSelectorTerms: [{ tags: { 'karpenter.sh/discovery': 'prod-boomi-molecule' } }],
      securityGroupSelectorTerms: [{ tags: { 'karpenter.sh/discovery': 'prod-boomi-molecule' } }],
      tags: { Environment: 'prod', ManagedBy: 'cdktf' },
      metadataOptions: { httpTokens: 'required', httpPutResponseHopLimit: 1, httpEndpoint: 'enabled' },
    });
    expect(nodeClass.spec.blockDeviceMappings).toEqual([
      { deviceName: '/dev/xvda', rootVolume: true, ebs: { volumeSize: '20Gi', volumeType: 'gp3', encrypted: true, deleteOnTermination: true } },
    ]);
  });

  it('molecule pool: on-demand only, matched by the Molecule’s nodeSelector, consolidation only of empty nodes, one at a time', () => {
    const { moleculePool } = karpenterNodePoolSpecs(INPUT);
    const spec = moleculePool.spec;
    expect(spec.template.metadata?.labels).toMatchObject({ 'eks.amazonaws.com/capacityType': 'ON_DEMAND' });
    expect(spec.template.spec.requirements).toContainEqual({ key: 'karpenter.sh/capacity-type', operator: 'In', values: ['on-demand'] });
    expect(spec.template.spec.requirements).toContainEqual({ key: 'kubernetes.io/arch', operator: 'In', values: ['amd64'] });
    expect(spec.template.spec.taints).toBeUndefined();
    expect(spec.disruption).toEqual({ consolidationPolicy: 'WhenEmpty', consolidateAfter: '5m', budgets: [{ nodes: '1' }] });
    expect(spec.limits).toEqual({ cpu: '32', memory: '128Gi' });
    expect(spec.template.spec.expireAfter).toBe('720h');
  });

  it('molecule pool with Atom Queues: no voluntary disruption and no expiry', () => {
    const spec = karpenterNodePoolSpecs({ ...INPUT, atomQueuesInUse: true }).moleculePool.spec;
    expect(spec.disruption.budgets).toEqual([{ nodes: '0' }]);
    expect(spec.template.spec.expireAfter).toBe('Never');
  });

  it('general pool: spot and on-demand, seed 004’s spot taint, consolidation when underutilized, preferred by weight', () => {
    const spec = karpenterNodePoolSpecs(INPUT).generalPool.spec;
    expect(spec.template.spec.requirements).toContainEqual({ key: 'karpenter.sh/capacity-type', operator: 'In', values: ['spot', 'on-demand'] });
    expect(spec.template.spec.taints).toEqual([{ key: 'spot', value: 'true', effect: 'PreferNoSchedule' }]);
    expect(spec.disruption).toEqual({ consolidationPolicy: 'WhenEmptyOrUnderutilized', consolidateAfter: '1m', budgets: [{ nodes: '10%' }] });
    expect(spec.limits).toEqual({ cpu: '16', memory: '64Gi' });
    expect(spec.weight).toBe(10);
  });

  it('follows the settings: Graviton types get arm64, limits and disk size are passed through', () => {
    const settings = {
      ...KARPENTER_DEFAULTS,
      moleculePool: { ...KARPENTER_DEFAULTS.moleculePool, instanceTypes: ['m7g.large', 'm5.large'], limits: { cpu: 8, memory: '32Gi' } },
      diskSizeGiB: 50,
    };
    const specs = karpenterNodePoolSpecs({ ...INPUT, settings });
    expect(specs.moleculePool.spec.template.spec.requirements).toContainEqual({ key: 'kubernetes.io/arch', operator: 'In', values: ['arm64', 'amd64'] });
    expect(specs.moleculePool.spec.limits).toEqual({ cpu: '8', memory: '32Gi' });
    expect(specs.nodeClass.spec.blockDeviceMappings[0].ebs.volumeSize).toBe('50Gi');
  });
});
