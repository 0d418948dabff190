// The chart pins, checked on what the constructs synthesize rather than by
// restating the constants: every helm_release this lib writes comes from a
// repository, names a plain chart at an exact version, and is one of the pins
// of chart-versions.ts; every pin is installed by exactly one construct.
import { HelmProvider } from '@cdktf/provider-helm/lib/provider';
import { Release } from '@cdktf/provider-helm/lib/release';
import { listResources, synthConstruct } from '@boomi-eks/testing';
import { kubeDnsIp } from '@boomi-eks/primitives';
import * as pins from './chart-versions';
import { ExternalSecretsOperator } from './external-secrets';
import { Monitoring } from './monitoring';
import { NodeLocalDns } from './node-local-dns';
import { NodeProblemDetector } from './node-problem-detector';

/** major.minor.patch and nothing else: no range, no `latest`, no pre-release. */
const EXACT_SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;
/** A Helm repository: an https chart repository or an OCI registry path. */
const REPOSITORY = /^(https:\/\/[a-z0-9.-]+(\/[A-Za-z0-9._~/-]*)?|oci:\/\/[a-z0-9.-]+(\/[a-z0-9._-]+)+)$/;
/** A chart name alone (a path, URL or `repo/chart` would bypass the repository). */
const CHART_NAME = /^[a-z0-9][a-z0-9-]*$/;

// Every chart-installing construct of this lib, in one stack, with its defaults.
const { json } = synthConstruct((s) => {
  new HelmProvider(s, 'helm', { kubernetes: { host: 'https://example.eks.amazonaws.com' } });
  new NodeProblemDetector(s, 'npd');
  new NodeLocalDns(s, 'dns', { kubeDnsIp: kubeDnsIp('172.20.0.0/16') });
  new Monitoring(s, 'monitoring');
  new ExternalSecretsOperator(s, 'eso', { watchNamespace: 'boomi' });
});
const releases = listResources(json, Release.tfResourceType);
const pinned = Object.entries(pins).filter(([name]) => name.endsWith('_CHART'));
const key = (r: { repository: string; chart: string; version: string }) => `${r.repository} ${r.chart} ${r.version}`;

describe('chart pins, as synthesized', () => {
  it('synthesizes one release per construct', () => {
    expect(releases).toHaveLength(4);
  });

  it.each(releases.map((r) => [r.name, r]))('release %s: exact version, a repository, a plain chart name', (_name, r) => {
    expect(r.version).toMatch(EXACT_SEMVER);
    expect(r.repository).toMatch(REPOSITORY);
    expect(r.chart).toMatch(CHART_NAME);
  });

  it('installs only pinned charts (no construct writes its own repository, chart or version)', () => {
    const known = new Set(pinned.map(([, c]) => key(c)));
    expect(releases.map((r) => key(r as never)).filter((k) => !known.has(k))).toEqual([]);
  });

  it('installs every pin exactly once (no dead pin, no chart installed twice)', () => {
    const installed = releases.map((r) => key(r as never));
    expect(pinned.map(([name, c]) => [name, installed.filter((k) => k === key(c)).length])).toEqual(pinned.map(([name]) => [name, 1]));
  });
});
