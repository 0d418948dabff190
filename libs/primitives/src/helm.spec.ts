import { Testing, TerraformStack } from 'cdktf';
import { HelmProvider } from '@cdktf/provider-helm/lib/provider';
import { Release } from '@cdktf/provider-helm/lib/release';
import { parse } from 'yaml';
import { PinnedHelmRelease, RELEASE_DEFAULTS, type PinnedChart, type PinnedHelmReleaseProps } from './helm';

const CHART: PinnedChart = { repository: 'oci://registry.example/charts', chart: 'demo', version: '1.2.3', appVersion: '4.5.6' };

/** One stack with a helm provider and what `build` adds; the synthesized JSON and the build result. */
function synth<T>(build: (stack: TerraformStack) => T): { json: any; result: T } {
  const app = Testing.app();
  const stack = new TerraformStack(app, 'test');
  new HelmProvider(stack, 'helm', { kubernetes: { host: 'https://example.invalid' } });
  const result = build(stack);
  return { json: JSON.parse(Testing.synth(stack)), result };
}

const releases = (json: any): [string, any][] => Object.entries(json.resource?.[Release.tfResourceType] ?? {});

function synthRelease(props: Partial<PinnedHelmReleaseProps> = {}) {
  const { json, result } = synth((stack) =>
    new PinnedHelmRelease(stack, 'demo', { releaseName: 'demo', namespace: 'tools', chart: CHART, values: { a: 1 }, ...props }),
  );
  const all = releases(json);
  expect(all).toHaveLength(1);
  return { address: all[0][0], release: all[0][1], construct: result };
}

describe('PinnedHelmRelease', () => {
  it('installs the pinned repository, chart and exact version under the release name and namespace', () => {
    const { release } = synthRelease();
    expect(release).toMatchObject({
      name: 'demo',
      namespace: 'tools',
      repository: 'oci://registry.example/charts',
      chart: 'demo',
      version: '1.2.3',
    });
  });

  it('applies the shared release settings, 600 s unless timeoutSeconds says otherwise', () => {
    expect(synthRelease().release).toMatchObject({ atomic: true, cleanup_on_fail: true, wait: true, timeout: 600, max_history: 10 });
    expect(RELEASE_DEFAULTS).toEqual({ atomic: true, cleanupOnFail: true, wait: true, timeoutSeconds: 600, maxHistory: 10 });
    expect(synthRelease({ timeoutSeconds: 900 }).release.timeout).toBe(900);
  });

  it('renders the values as one YAML document with Terraform templates escaped and tokens kept', () => {
    const { json } = synth((stack) => {
      const other = new PinnedHelmRelease(stack, 'other', { releaseName: 'other', namespace: 'x', chart: CHART, values: {} });
      return new PinnedHelmRelease(stack, 'demo', {
        releaseName: 'demo',
        namespace: 'tools',
        chart: CHART,
        values: { nested: { list: [1, 2] }, literal: 'echo ${HOME} %{if}', ref: other.release.name },
      });
    });
    const demo = releases(json).find(([, r]) => r.name === 'demo')![1];
    expect(demo.values).toHaveLength(1);
    expect(demo.values[0]).toContain('literal: echo $${HOME} %%{if}');
    // the cdktf token became a real Terraform reference, not an escaped literal
    expect(demo.values[0]).toContain('ref: ${helm_release.other_release_');
    expect(parse(demo.values[0]).nested).toEqual({ list: [1, 2] });
  });

  it('sets create_namespace only when asked', () => {
    expect(synthRelease().release.create_namespace).toBeUndefined();
    expect(synthRelease({ createNamespace: true }).release.create_namespace).toBe(true);
  });

  it('names its release resource `release` under the construct (the Terraform address of every chart)', () => {
    const { construct, address } = synthRelease();
    expect(construct.release.node.id).toBe('release');
    expect(construct.release.node.path).toBe('test/demo/release');
    expect(address).toMatch(/^demo_release_[0-9A-F]{8}$/);
  });

  it('exposes its name, namespace, chart and the values before rendering', () => {
    const { construct } = synthRelease({ values: { b: { c: '${x}' } } });
    expect(construct.releaseName).toBe('demo');
    expect(construct.namespace).toBe('tools');
    expect(construct.chart).toBe(CHART);
    expect(construct.values).toEqual({ b: { c: '${x}' } });
  });

  it('passes dependsOn and the provider through to the release', () => {
    const { json } = synth((stack) => {
      const aliased = new HelmProvider(stack, 'helm2', { alias: 'second', kubernetes: { host: 'https://other.invalid' } });
      const first = new PinnedHelmRelease(stack, 'first', { releaseName: 'first', namespace: 'x', chart: CHART, values: {} });
      return new PinnedHelmRelease(stack, 'second', {
        releaseName: 'second',
        namespace: 'x',
        chart: CHART,
        values: {},
        provider: aliased,
        dependsOn: [first.release],
      });
    });
    const second = releases(json).find(([, r]) => r.name === 'second')![1];
    expect(second.provider).toBe('helm.second');
    expect(second.depends_on).toEqual([expect.stringMatching(/^helm_release\.first_release_/)]);
  });
});
