// Two Molecules on one cluster through the real app: the generated `teams`
// environment (policy tests) synthesized alone, its cluster and workloads
// stacks checked for what the second Molecule adds.
import { Testing } from 'cdktf';
import { parse as parseYaml } from 'yaml';
import { decodeJsonencode, synthApp } from '@boomi-eks/testing';
import { buildPlatform, validateAll } from '../platform';
import { helmReleaseNamespaces } from '../ci-plan-access';
import { GENERATED_MOLECULES_ENV, SECOND_SECRET_NAME_SENTINEL, generatedMoleculesInput } from '../../test/policy/platform-under-test';

const env = validateAll({ 'teams.ts': generatedMoleculesInput() })[0];
const app = Testing.app();
buildPlatform(app, [env]);
const out = synthApp(app);
const cluster = out.stack(`${GENERATED_MOLECULES_ENV}-cluster`);
const workloads = out.stack(`${GENERATED_MOLECULES_ENV}-workloads`);
const resources = (json: typeof cluster, type: string) => Object.entries(json.resource?.[type] ?? {}) as [string, Record<string, any>][];
const manifests = () => resources(workloads, 'kubernetes_manifest').map(([id, r]) => ({ id, address: `kubernetes_manifest.${id}`, object: r.manifest, body: r }));
const manifest = (kind: string, namespace: string | undefined, name?: string) =>
  manifests().find((m) => m.object.kind === kind && m.object.metadata.namespace === namespace && (name === undefined || m.object.metadata.name === name))!;

/** The cluster-stack expression a workloads-stack value reads through remote state. */
function producedBy(expression: string): string {
  const m = /\$\{data\.terraform_remote_state\.cross-stack-reference-input-teams-cluster\.outputs\.([^}]+)\}/.exec(expression);
  if (!m) throw new Error(`${expression} is not a reference to the teams-cluster stack`);
  return cluster.output![m[1]].value as string;
}

describe('teams-cluster: what the second Molecule adds', () => {
  it('gives it its own EFS access point: directory /boomi-team-b owned by its user, next to the first Molecule\'s /boomi', () => {
    const aps = resources(cluster, 'aws_efs_access_point').map(([id, r]) => ({ id, path: r.root_directory.path, uid: r.posix_user.uid, name: r.tags.Name }));
    expect(aps.sort((a, b) => a.path.localeCompare(b.path))).toEqual([
      { id: expect.stringMatching(/^efs_access-point_/), path: '/boomi', uid: 1000, name: 'teams-boomi-molecule-molecule' },
      { id: expect.stringMatching(/^efs_access-point-team-b_/), path: '/boomi-team-b', uid: 1001, name: 'teams-boomi-molecule-molecule-team-b' },
    ]);
    expect(cluster.output!.efs_access_point_id_team_b.value).toMatch(/^\$\{aws_efs_access_point\.efs_access-point-team-b_[^.]+\.id\}$/);
  });

  it("gives its operator a Pod Identity role that reads its secret only, for the operator's own namespace", () => {
    const [, role] = resources(cluster, 'aws_iam_role').find(([id]) => id.startsWith('external-secrets-team-b_'))!;
    expect(role.name).toBe('teams-boomi-molecule-external-secrets-team-b');
    const [, policy] = resources(cluster, 'aws_iam_role_policy').find(([id]) => id.startsWith('external-secrets-team-b_'))!;
    expect(decodeJsonencode(policy.policy).Statement).toEqual([
      expect.objectContaining({ Effect: 'Allow', Resource: `arn:aws:secretsmanager:eu-west-2:${env.accountId}:secret:${SECOND_SECRET_NAME_SENTINEL}-??????` }),
    ]);
    const [, association] = resources(cluster, 'aws_eks_pod_identity_association').find(([id]) => id.startsWith('external-secrets-team-b_'))!;
    expect(association).toMatchObject({ namespace: 'external-secrets-team-b', service_account: 'external-secrets' });
    // The first Molecule's role is unchanged: its secret only.
    const [, first] = resources(cluster, 'aws_iam_role_policy').find(([id]) => id.startsWith('external-secrets_'))!;
    expect(decodeJsonencode(first.policy).Statement[0].Resource).toBe(`arn:aws:secretsmanager:eu-west-2:${env.accountId}:secret:boomi/teams/team-a-??????`);
  });
});

describe('teams-workloads: the second Molecule', () => {
  it('makes one StorageClass (the first Molecule\'s) and a PV per Molecule on its own access point', () => {
    expect(manifests().filter((m) => m.object.kind === 'StorageClass').map((m) => m.object.metadata.name)).toEqual(['efs-sc']);
    const pv = manifest('PersistentVolume', undefined, 'team-b-efs-pv');
    expect(pv.object.spec.storageClassName).toBe('efs-sc');
    const [fsRef, apRef] = String(pv.object.spec.csi.volumeHandle).split('::');
    expect(producedBy(fsRef)).toMatch(/^\$\{aws_efs_file_system\.efs_file-system_[^.]+\.id\}$/);
    expect(producedBy(apRef)).toMatch(/^\$\{aws_efs_access_point\.efs_access-point-team-b_[^.]+\.id\}$/);
    // Created after the shared StorageClass.
    expect(pv.body.depends_on).toContain(manifest('StorageClass', undefined, 'efs-sc').address);
  });

  it('runs in its namespace with its atom name, HPA bounds, resources and internal NLB', () => {
    const sts = manifest('StatefulSet', 'team-b').object;
    const container = sts.spec.template.spec.containers[0];
    const envVar = (n: string) => container.env.find((e: { name: string }) => e.name === n);
    expect(envVar('BOOMI_ATOMNAME').value).toBe('team-b-molecule');
    expect(envVar('BOOMI_CONTAINERNAME').value).toBe('team-b-molecule');
    expect(container.resources).toEqual({ requests: { cpu: '1', memory: '2Gi' }, limits: { cpu: '2', memory: '3Gi' } });
    expect(sts.spec.template.spec.securityContext).toMatchObject({ runAsUser: 1001, runAsGroup: 1001 });
    expect(manifest('HorizontalPodAutoscaler', 'team-b').object.spec).toMatchObject({ minReplicas: 2, maxReplicas: 6 });
    expect(manifest('HorizontalPodAutoscaler', 'team-a').object.spec).toMatchObject({ minReplicas: 3, maxReplicas: 20 });
    expect(manifest('Service', 'team-b').object.metadata.annotations).toMatchObject({ 'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internal' });
  });

  it('has its own External Secrets Operator: scoped to its namespace, on the first release\'s CRDs, with distinct object names', () => {
    const releases = resources(workloads, 'helm_release').filter(([, r]) => r.chart === 'external-secrets');
    expect(releases.map(([, r]) => r.namespace).sort()).toEqual(['external-secrets', 'external-secrets-team-b']);
    const [firstId] = releases.find(([, r]) => r.namespace === 'external-secrets')!;
    const [, second] = releases.find(([, r]) => r.namespace === 'external-secrets-team-b')!;
    expect(parseYaml(second.values[0])).toMatchObject({
      installCRDs: false,
      fullnameOverride: 'external-secrets-team-b',
      scopedNamespace: 'team-b',
      scopedRBAC: true,
      serviceAccount: { create: true, name: 'external-secrets' },
    });
    expect(second.create_namespace).toBe(true);
    expect(second.depends_on).toEqual(expect.arrayContaining([`helm_release.${firstId}`, manifest('Namespace', undefined, 'team-b').address]));
  });

  it('copies its secret into boomi-secret in its namespace, and its StatefulSet waits for that', () => {
    const es = manifest('ExternalSecret', 'team-b');
    expect(es.object.spec.target.name).toBe('boomi-secret');
    expect(es.object.spec.data.map((d: any) => [d.secretKey, d.remoteRef.key])).toEqual([
      ['account', SECOND_SECRET_NAME_SENTINEL],
      ['token', SECOND_SECRET_NAME_SENTINEL],
    ]);
    const [secondOperatorId] = resources(workloads, 'helm_release').find(([, r]) => r.namespace === 'external-secrets-team-b')!;
    expect(manifest('SecretStore', 'team-b').body.depends_on).toContain(`helm_release.${secondOperatorId}`);
    expect(manifest('StatefulSet', 'team-b').body.depends_on).toContain(es.address);
    expect(manifest('StatefulSet', 'team-a').body.depends_on).toContain(manifest('ExternalSecret', 'team-a').address);
  });

  it("lists the second operator's namespace among the CI plan role's Secret-read namespaces, and neither Molecule namespace", () => {
    expect(helmReleaseNamespaces(env)).toContain('external-secrets-team-b');
    expect(helmReleaseNamespaces(env)).not.toEqual(expect.arrayContaining(['team-a']));
    expect(helmReleaseNamespaces(env)).not.toEqual(expect.arrayContaining(['team-b']));
    const releaseNamespaces = [...new Set(resources(workloads, 'helm_release').map(([, r]) => r.namespace as string))].sort();
    expect(helmReleaseNamespaces(env)).toEqual(releaseNamespaces);
  });
});
