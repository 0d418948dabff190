import { minorOf } from '@boomi-eks/primitives';
import { DEFAULT_KUBERNETES_VERSION, KUBERNETES_RELEASES } from './catalog';
import { KUBERNETES_LIFECYCLE, recommendedMinor, supportStatus } from './lifecycle';

const CATALOG_DAY = new Date('2026-11-30T12:00:00Z');
const EKS_BUILD = /^v\d+\.\d+\.\d+-eksbuild\.\d+$/;

describe('KUBERNETES_RELEASES', () => {
  it('pins exactly the minors of the lifecycle table, every one EKS offers on the day the catalog was checked', () => {
    expect(Object.keys(KUBERNETES_RELEASES)).toEqual(Object.keys(KUBERNETES_LIFECYCLE));
    for (const minor of Object.keys(KUBERNETES_RELEASES)) expect(supportStatus(minor, CATALOG_DAY).phase).not.toBe('ended');
  });

  it('defaults to the newest minor with the longest standard support', () => {
    expect(DEFAULT_KUBERNETES_VERSION).toBe(recommendedMinor(CATALOG_DAY));
    expect(DEFAULT_KUBERNETES_VERSION).toBe('1.36');
  });

  it.each(Object.entries(KUBERNETES_RELEASES))('%s pins every add-on to an exact EKS build and kube-proxy and the autoscaler to its own minor', (minor, release) => {
    for (const version of [...Object.values(release.addons), ...Object.values(release.optionalAddons)]) expect(version).toMatch(EKS_BUILD);
    expect(minorOf(release.addons['kube-proxy'])).toBe(minor);
    expect(minorOf(release.clusterAutoscalerImageTag)).toBe(minor);
    expect(release.clusterAutoscalerImageTag).toMatch(/^v\d+\.\d+\.\d+$/);
  });

  it('pins the autoscaler at the latest upstream patch of each minor', () => {
    expect(Object.fromEntries(Object.entries(KUBERNETES_RELEASES).map(([m, r]) => [m, r.clusterAutoscalerImageTag]))).toEqual({
      '1.32': 'v1.32.7',
      '1.33': 'v1.33.6',
      '1.34': 'v1.34.5',
      '1.35': 'v1.35.2',
      '1.36': 'v1.36.1',
    });
  });

  it('keeps optional add-ons out of `addons`, which every cluster installs', () => {
    for (const release of Object.values(KUBERNETES_RELEASES)) {
      expect(Object.keys(release.addons)).not.toContain('eks-node-monitoring-agent');
    }
  });
});

describe('Karpenter pins in the catalog', () => {
  it('pins one chart that Karpenter’s compatibility matrix allows on every catalog minor (1.36 needs ≥ 1.13)', () => {
    for (const [minor, r] of Object.entries(KUBERNETES_RELEASES)) {
      expect([minor, r.karpenter.chartVersion]).toEqual([minor, '1.14.1']);
      expect(r.karpenter.amiAlias).toMatch(/^al2023@v\d{8}$/);
    }
  });
});
