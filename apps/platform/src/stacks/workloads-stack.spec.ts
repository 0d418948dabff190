import * as fs from 'node:fs';
import * as path from 'node:path';
import { Testing } from 'cdktf';
import { parse as parseYaml } from 'yaml';
import { validateEnvironment, type Environment } from '@boomi-eks/config';
import { backendOf, listResources, synthApp, type StackJson } from '@boomi-eks/testing';
import { Release } from '@cdktf/provider-helm/lib/release';
import { Manifest } from '@cdktf/provider-kubernetes/lib/manifest';
import { EfsAccessPoint } from '@cdktf/provider-aws/lib/efs-access-point';
import { EfsFileSystem } from '@cdktf/provider-aws/lib/efs-file-system';
import { buildPlatform } from '../platform';
import { loadEnvironmentFiles } from '../environments/load';
import { synthesizePlatform, synthesizeShipped } from '../../test/policy/platform-under-test';
import { CI_PLAN_CLUSTER_ROLE, CI_PLAN_GROUP } from '../ci-plan-access';

const inputs = loadEnvironmentFiles();
// The shipped environments without the ci-access stack (one synthesis per jest run, shared with platform.spec).
const out = synthesizeShipped();

const manifests = (s: StackJson) => listResources(s, Manifest.tfResourceType).map((r) => r.manifest);
const objectOf = (s: StackJson, kind: string) => manifests(s).find((m) => m.kind === kind);
/** The kubernetes_manifest resources of a kind, by address. */
const manifestsOfKind = (s: StackJson, kind: string) =>
  Object.entries(s.resource![Manifest.tfResourceType]).filter(([, r]) => r.manifest.kind === kind);
const only = <T>(xs: T[]): T => {
  expect(xs).toHaveLength(1);
  return xs[0];
};
const REMOTE = (env: string) => `data.terraform_remote_state.cross-stack-reference-input-${env}-cluster.outputs.`;

/** The cluster stack resource a workloads-stack reference resolves to, through the remote state output. */
function producedBy(env: string, expression: string): string {
  const m = new RegExp(`\\$\\{${REMOTE(env).replace(/\./g, '\\.')}([^}]+)\\}`).exec(expression);
  if (!m) throw new Error(`${expression} is not a reference to the ${env}-cluster stack`);
  return out.stack(`${env}-cluster`).output![m[1]].value as string;
}

describe.each(['dev', 'prod'])('%s-workloads', (env) => {
  const stack = out.stack(`${env}-workloads`);

  it('keeps its state at <env>/workloads.tfstate, encrypted and locked', () => {
    expect(backendOf(stack).config).toMatchObject({ key: `${env}/workloads.tfstate`, encrypt: true, use_lockfile: true });
  });

  it('is deployed after the cluster stack', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(out.outdir, 'manifest.json'), 'utf8'));
    expect(manifest.stacks[`${env}-workloads`].dependencies).toEqual([`${env}-cluster`]);
  });

  it('configures kubernetes and helm from the cluster stack with exec auth, never a static token', () => {
    const exec = {
      api_version: 'client.authentication.k8s.io/v1beta1',
      command: 'aws',
      args: ['eks', 'get-token', '--cluster-name', `${env}-boomi-molecule`, '--region', 'us-east-1'],
    };
    const k8s = stack.provider!.kubernetes[0];
    expect(k8s.exec).toEqual([exec]);
    expect(k8s.token).toBeUndefined();
    expect(producedBy(env, k8s.host as string)).toMatch(/^\$\{aws_eks_cluster\.[^.]+\.endpoint\}$/);
    expect(k8s.cluster_ca_certificate).toMatch(new RegExp(`^\\$\\{base64decode\\(${REMOTE(env).replace(/\./g, '\\.')}`));
    const helm = stack.provider!.helm[0].kubernetes as Record<string, unknown>;
    expect(helm.exec).toEqual(exec);
    expect(helm.host).toBe(k8s.host);
    expect(helm.token).toBeUndefined();
  });

  it("wires the PV's volumeHandle to the cluster stack's EFS file system and access point", () => {
    const handle = objectOf(stack, 'PersistentVolume').spec.csi.volumeHandle as string;
    const [fsRef, apRef] = handle.split('::');
    expect(producedBy(env, fsRef)).toMatch(new RegExp(`^\\$\\{${EfsFileSystem.tfResourceType}\\.[^.]+\\.id\\}$`));
    expect(producedBy(env, apRef)).toMatch(new RegExp(`^\\$\\{${EfsAccessPoint.tfResourceType}\\.[^.]+\\.id\\}$`));
  });

  it('reads no secret: no Secrets Manager data source, no kubernetes_secret resource', () => {
    expect(Object.keys(stack.data ?? {}).filter((t) => t.startsWith('aws_secretsmanager'))).toEqual([]);
    expect(Object.keys(stack.resource ?? {}).filter((t) => /secret/.test(t) && t !== Manifest.tfResourceType)).toEqual([]);
  });

  it('installs the External Secrets Operator (pinned chart, CRDs with it) scoped to the Molecule namespace, after that namespace', () => {
    const eso = only(listResources(stack, Release.tfResourceType).filter((r) => r.chart === 'external-secrets'));
    expect(eso).toMatchObject({ name: 'external-secrets', namespace: 'external-secrets', version: '2.9.0', repository: 'https://charts.external-secrets.io', create_namespace: true });
    expect(parseYaml(eso.values[0])).toMatchObject({ installCRDs: true, scopedNamespace: 'boomi', scopedRBAC: true, serviceAccount: { name: 'external-secrets' } });
    expect(eso.depends_on).toEqual([expect.stringMatching(/^kubernetes_manifest\.molecule_namespace-boomi_/)]);
  });

  it('declares boomi-secret as an ExternalSecret of the environment\'s secret, keys account/username/password, after the operator', () => {
    const [storeAddress, store] = only(manifestsOfKind(stack, 'SecretStore'));
    expect(store.manifest).toEqual({
      apiVersion: 'external-secrets.io/v1',
      kind: 'SecretStore',
      metadata: { name: 'aws-secrets-manager', namespace: 'boomi' },
      spec: { provider: { aws: { service: 'SecretsManager', region: 'us-east-1' } } },
    });
    const [, es] = only(manifestsOfKind(stack, 'ExternalSecret'));
    expect(es.manifest.metadata).toEqual({ name: 'boomi-secret', namespace: 'boomi' });
    expect(es.manifest.spec.target).toEqual({ name: 'boomi-secret', creationPolicy: 'Owner', deletionPolicy: 'Retain' });
    expect(es.manifest.spec.data).toEqual(
      ['account', 'username', 'password'].map((key) => ({ secretKey: key, remoteRef: { key: `boomi/${env}/molecule`, property: key } })),
    );
    expect(es.manifest.spec.refreshInterval).toBe('1h');
    expect(es.wait).toEqual({ condition: [{ type: 'Ready', status: 'True' }] });
    const release = `helm_release.${Object.keys(stack.resource![Release.tfResourceType]).find((k) => k.startsWith('external-secrets_'))}`;
    expect(store.depends_on).toEqual([release]);
    expect(es.depends_on).toEqual([release, `kubernetes_manifest.${storeAddress}`]);
  });

  it('starts the StatefulSet only after the ExternalSecret is Ready', () => {
    const [esAddress] = only(manifestsOfKind(stack, 'ExternalSecret'));
    const [, sts] = only(manifestsOfKind(stack, 'StatefulSet'));
    expect(sts.depends_on).toContain(`kubernetes_manifest.${esAddress}`);
  });

  it("emits seed 000's Molecule objects, the StatefulSet with the environment's image", () => {
    expect(manifests(stack).map((m) => `${m.kind}/${m.metadata.name}`).sort()).toEqual([
      'ExternalSecret/boomi-secret',
      'HorizontalPodAutoscaler/molecule-hpa',
      'Namespace/boomi',
      'NetworkPolicy/default-deny-all',
      'NetworkPolicy/molecule',
      'PersistentVolume/efs-pv',
      'PersistentVolumeClaim/efs-claim',
      'PodDisruptionBudget/molecule-pdb',
      'SecretStore/aws-secrets-manager',
      'Service/molecule-service',
      'StatefulSet/molecule',
      'StorageClass/efs-sc',
    ]);
    const container = objectOf(stack, 'StatefulSet').spec.template.spec.containers[0];
    // dev tracks the mutable 'release' tag (allowed explicitly); prod is pinned by digest.
    expect(container.image).toBe(env === 'dev' ? 'boomi/molecule:release' : `boomi/molecule@sha256:${'0'.repeat(64)}`);
    expect(container.imagePullPolicy).toBe(env === 'dev' ? 'Always' : 'IfNotPresent');
    expect(container.resources).toEqual({ requests: { cpu: '500m', memory: '1024Mi' }, limits: { cpu: '1000m', memory: '1536Mi' } });
  });

  it("bounds the HPA by the environment's config (dev 3..6, prod seed 000's 3..20)", () => {
    const hpa = objectOf(stack, 'HorizontalPodAutoscaler');
    expect(hpa.apiVersion).toBe('autoscaling/v2');
    expect([hpa.spec.minReplicas, hpa.spec.maxReplicas]).toEqual(env === 'dev' ? [3, 6] : [3, 20]);
    expect(hpa.spec.behavior.scaleDown.stabilizationWindowSeconds).toBe(60);
  });

  it('installs metrics-server, the cluster-autoscaler and (prod) the extras through the helm provider', () => {
    const releases = listResources(stack, Release.tfResourceType);
    const extras =
      env === 'prod'
        ? [
            ['kube-prometheus-stack', 'monitoring', 'helm'],
            ['node-problem-detector', 'kube-system', 'helm'],
          ]
        : [];
    expect(releases.map((r) => [r.name, r.namespace, r.provider]).sort()).toEqual(
      [['cluster-autoscaler', 'kube-system', 'helm'], ['external-secrets', 'external-secrets', 'helm'], ['metrics-server', 'kube-system', 'helm'], ...extras].sort(),
    );
    const ca = releases.find((r) => r.name === 'cluster-autoscaler')!;
    const values = parseYaml(ca.values[0]);
    expect(values.autoDiscovery.clusterName).toBe(`${env}-boomi-molecule`);
    expect(values.extraArgs['max-nodes-total']).toBe(env === 'dev' ? 6 : 300);
    expect(values.image.tag).toBe('v1.34.5');
  });
});

describe('installer-token auth', () => {
  it('maps the secret keys account and token', () => {
    const base = inputs['dev.ts'] as Record<string, any>;
    const result = validateEnvironment({
      ...base,
      name: 'tok',
      molecule: { ...base.molecule, auth: { kind: 'installerToken', secretName: 'boomi/tok', refreshInterval: '15m' } },
    });
    expect(result.ok).toBe(true);
    const a = Testing.app();
    buildPlatform(a, [(result as { environment: Environment }).environment]);
    const [, es] = only(manifestsOfKind(synthApp(a).stack('tok-workloads'), 'ExternalSecret'));
    expect(es.manifest.spec.data.map((d: any) => [d.secretKey, d.remoteRef])).toEqual([
      ['account', { key: 'boomi/tok', property: 'account' }],
      ['token', { key: 'boomi/tok', property: 'token' }],
    ]);
    expect(es.manifest.spec.refreshInterval).toBe('15m');
  });
});

describe('with the ci-access stack', () => {
  // The policy tests' platform: the shipped environments (and generated ones) with the ci-access stack, synthesized once per run.
  const platform = synthesizePlatform();
  const withCi = { stack: (id: string) => platform.stacks.find((s) => s.id === id)!.json };

  it('binds the plan role\'s group to a read-only ClusterRole where CI plans the workloads stack (dev), and nowhere else (prod: none)', () => {
    const dev = withCi.stack('dev-workloads');
    const [, role] = only(manifestsOfKind(dev, 'ClusterRole'));
    expect(role.manifest.metadata.name).toBe(CI_PLAN_CLUSTER_ROLE);
    const verbs = role.manifest.rules.flatMap((r: any) => r.verbs);
    expect(verbs.filter((v: string) => !['get', 'list', 'watch'].includes(v))).toEqual([]);
    expect(role.manifest.rules.flatMap((r: any) => r.resources)).not.toContain('secrets');
    const [, binding] = only(manifestsOfKind(dev, 'ClusterRoleBinding'));
    expect(binding.manifest.subjects).toEqual([{ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: CI_PLAN_GROUP }]);
    expect(binding.manifest.roleRef).toEqual({ apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: CI_PLAN_CLUSTER_ROLE });
    expect(manifestsOfKind(withCi.stack('prod-workloads'), 'ClusterRole')).toEqual([]);
  });
});
