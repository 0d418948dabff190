import * as fs from 'node:fs';
import * as path from 'node:path';
import { Testing } from 'cdktf';
import { parse as parseYaml } from 'yaml';
import { validateEnvironment, type Environment } from '@boomi-eks/config';
import { backendOf, dataSourcesOfType, listResources, onlyResource, synthApp, type StackJson } from '@boomi-eks/testing';
import { Release } from '@cdktf/provider-helm/lib/release';
import { Manifest } from '@cdktf/provider-kubernetes/lib/manifest';
import { SecretV1 } from '@cdktf/provider-kubernetes/lib/secret-v1';
import { EfsAccessPoint } from '@cdktf/provider-aws/lib/efs-access-point';
import { EfsFileSystem } from '@cdktf/provider-aws/lib/efs-file-system';
import { DataAwsSecretsmanagerSecretVersion } from '@cdktf/provider-aws/lib/data-aws-secretsmanager-secret-version';
import { buildPlatform, validateAll } from '../platform';
import { loadEnvironmentFiles } from '../environments/load';

const inputs = loadEnvironmentFiles();
const app = Testing.app();
buildPlatform(app, validateAll(inputs));
const out = synthApp(app);

const manifests = (s: StackJson) => listResources(s, Manifest.tfResourceType).map((r) => r.manifest);
const objectOf = (s: StackJson, kind: string) => manifests(s).find((m) => m.kind === kind);
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

  it('copies the credentials from Secrets Manager into boomi-secret without any value in the JSON', () => {
    const sources = Object.values(dataSourcesOfType(stack, DataAwsSecretsmanagerSecretVersion.tfResourceType));
    expect(sources).toHaveLength(1);
    expect(sources[0].secret_id).toBe(`boomi/${env}/molecule`);
    const secret = onlyResource(stack, SecretV1.tfResourceType);
    expect(secret.metadata).toEqual({ name: 'boomi-secret', namespace: 'boomi' });
    expect(Object.keys(secret.data).sort()).toEqual(['account', 'password', 'username']);
    for (const [key, value] of Object.entries(secret.data)) {
      expect(value).toBe(`\${jsondecode(data.aws_secretsmanager_secret_version.molecule-credentials.secret_string).${key}}`);
    }
  });

  it('creates the Secret after the namespace and before the StatefulSet', () => {
    const secret = onlyResource(stack, SecretV1.tfResourceType);
    expect(secret.depends_on).toEqual([expect.stringMatching(/^kubernetes_manifest\.molecule_namespace-boomi_/)]);
    const sts = Object.values(stack.resource![Manifest.tfResourceType]).find((r) => r.manifest.kind === 'StatefulSet')!;
    expect(sts.depends_on).toContain('kubernetes_secret_v1.molecule-secret');
  });

  it("emits seed 000's Molecule objects, the StatefulSet with the environment's image", () => {
    expect(manifests(stack).map((m) => `${m.kind}/${m.metadata.name}`).sort()).toEqual([
      'HorizontalPodAutoscaler/molecule-hpa',
      'Namespace/boomi',
      'NetworkPolicy/default-deny-all',
      'NetworkPolicy/molecule',
      'PersistentVolume/efs-pv',
      'PersistentVolumeClaim/efs-claim',
      'PodDisruptionBudget/molecule-pdb',
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
      [['cluster-autoscaler', 'kube-system', 'helm'], ['metrics-server', 'kube-system', 'helm'], ...extras].sort(),
    );
    const ca = releases.find((r) => r.name === 'cluster-autoscaler')!;
    const values = parseYaml(ca.values[0]);
    expect(values.autoDiscovery.clusterName).toBe(`${env}-boomi-molecule`);
    expect(values.extraArgs['max-nodes-total']).toBe(env === 'dev' ? 6 : 300);
    expect(values.image.tag).toBe('v1.33.1');
  });
});

describe('installer-token auth', () => {
  it('maps the secret keys account and token', () => {
    const base = inputs['dev.ts'] as Record<string, any>;
    const result = validateEnvironment({
      ...base,
      name: 'tok',
      molecule: { ...base.molecule, auth: { kind: 'installerToken', secretName: 'boomi/tok' } },
    });
    expect(result.ok).toBe(true);
    const a = Testing.app();
    buildPlatform(a, [(result as { environment: Environment }).environment]);
    const secret = onlyResource(synthApp(a).stack('tok-workloads'), SecretV1.tfResourceType);
    expect(Object.keys(secret.data).sort()).toEqual(['account', 'token']);
  });
});
