import { KUBERNETES_RELEASES } from './catalog';

describe('KUBERNETES_RELEASES', () => {
  it.each(Object.keys(KUBERNETES_RELEASES))('%s pins the optional eks-node-monitoring-agent add-on to an exact EKS build', (minor) => {
    expect(KUBERNETES_RELEASES[minor].optionalAddons['eks-node-monitoring-agent']).toMatch(/^v\d+\.\d+\.\d+-eksbuild\.\d+$/);
  });

  it('keeps optional add-ons out of `addons`, which every cluster installs', () => {
    for (const release of Object.values(KUBERNETES_RELEASES)) {
      expect(Object.keys(release.addons)).not.toContain('eks-node-monitoring-agent');
    }
  });
});
