import { formatIssue } from '@boomi-eks/primitives';
import { CLUSTER_AUTOSCALER_DEFAULTS, CLUSTER_AUTOSCALER_IMAGE_TAGS, validateClusterAutoscaler, type ClusterAutoscalerRulesInput } from '@boomi-eks/autoscaling/rules';

const paths = (input: Partial<ClusterAutoscalerRulesInput>) => validateClusterAutoscaler({ kubernetesVersion: '1.36', ...input }).map((i) => i.path);
const resources = (limits: { cpu: string; memory: string }) => ({ requests: { cpu: '100m', memory: '300Mi' }, limits });

describe('validateClusterAutoscaler', () => {
  it('accepts every pinned minor without a tag, and the defaults', () => {
    for (const minor of Object.keys(CLUSTER_AUTOSCALER_IMAGE_TAGS)) expect(paths({ kubernetesVersion: minor })).toEqual([]);
    expect(paths({ maxNodesTotal: CLUSTER_AUTOSCALER_DEFAULTS.maxNodesTotal, resources: CLUSTER_AUTOSCALER_DEFAULTS.resources })).toEqual([]);
  });

  it('pins one tag per minor, of that minor', () => {
    for (const [minor, tag] of Object.entries(CLUSTER_AUTOSCALER_IMAGE_TAGS)) expect(tag).toMatch(new RegExp(`^v${minor.replace('.', '\\.')}\\.\\d+$`));
  });

  describe('imageTag', () => {
    it.each([
      ['v1.36.0', []],
      ['v1.36.9', []],
      ['v1.35.2', ['imageTag']],
      ['v1.37.0', ['imageTag']],
      ['1.36.1', ['imageTag']],
      ['v1.36', ['imageTag']],
      ['latest', ['imageTag']],
    ])('%s on a 1.36 cluster → %j', (imageTag, expected) => {
      expect(paths({ imageTag })).toEqual(expected);
    });

    it('names both minors, and offers a tag of the cluster minor or the pinned one', () => {
      expect(validateClusterAutoscaler({ kubernetesVersion: '1.36', imageTag: 'v1.35.2' }).map(formatIssue)).toEqual([
        "imageTag: ('v1.35.2') is for Kubernetes 1.35 but the cluster runs 1.36: the autoscaler's minor must match the cluster's: " +
          'use a v1.36.x tag, or remove the field to use v1.36.1',
      ]);
    });
  });

  it('refuses a minor without a pinned tag unless a tag of that minor is given', () => {
    expect(paths({ kubernetesVersion: '1.31' })).toEqual(['kubernetesVersion']);
    expect(paths({ kubernetesVersion: '1.31', imageTag: 'v1.31.4' })).toEqual([]);
  });

  it.each([
    [1, []],
    [0, ['maxNodesTotal']],
    [2.5, ['maxNodesTotal']],
  ])('maxNodesTotal %p → %j', (maxNodesTotal, expected) => {
    expect(paths({ maxNodesTotal })).toEqual(expected);
  });

  describe('resources', () => {
    it.each([
      [{ cpu: '100m', memory: '300Mi' }, []],
      [{ cpu: '0.1', memory: '0.5Gi' }, []],
      [{ cpu: '99m', memory: '300Mi' }, ['resources.limits.cpu']],
      [{ cpu: '100m', memory: '299Mi' }, ['resources.limits.memory']],
      [{ cpu: '50m', memory: '200Mi' }, ['resources.limits.memory', 'resources.limits.cpu']],
      [{ cpu: 'lots', memory: '300Mi' }, ['resources.limits.cpu']],
    ])('limits %j over requests 100m/300Mi → %j', (limits, expected) => {
      expect(paths({ resources: resources(limits) })).toEqual(expected);
    });

    it('says what the request is and how to fix it', () => {
      expect(validateClusterAutoscaler({ kubernetesVersion: '1.36', resources: resources({ cpu: '100m', memory: '200Mi' }) }).map(formatIssue)).toEqual([
        "resources.limits.memory: ('200Mi') is below the request (300Mi): raise the limit",
      ]);
    });
  });

  it('skips values the isUnresolved predicate marks, but needs a tag when the minor is a token', () => {
    const TOKEN = '${TfToken[TOKEN.7]}';
    const isUnresolved = (v: unknown) => v === TOKEN;
    expect(validateClusterAutoscaler({ kubernetesVersion: '1.36', imageTag: TOKEN }, { isUnresolved })).toEqual([]);
    expect(validateClusterAutoscaler({ kubernetesVersion: TOKEN, imageTag: 'v1.36.1' }, { isUnresolved })).toEqual([]);
    expect(validateClusterAutoscaler({ kubernetesVersion: TOKEN }, { isUnresolved }).map((i) => i.path)).toEqual(['imageTag']);
    expect(validateClusterAutoscaler({ kubernetesVersion: '1.36', resources: resources({ cpu: TOKEN, memory: '1Mi' }) }, { isUnresolved })).toEqual([]);
  });
});
