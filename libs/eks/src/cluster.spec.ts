import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { EksAccessEntry } from '@cdktf/provider-aws/lib/eks-access-entry';
import { EksAccessPolicyAssociation } from '@cdktf/provider-aws/lib/eks-access-policy-association';
import { EksCluster } from '@cdktf/provider-aws/lib/eks-cluster';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { Cluster, type ClusterProps } from '@boomi-eks/eks';
import { decodeJsonencode, listResources, onlyResource, referencedResource, resourcesOfType, synthConstruct, type StackJson } from '@boomi-eks/testing';

const ADMIN = 'arn:aws:iam::111122223333:role/platform-admin';
const CI = 'arn:aws:iam::111122223333:role/ci-deployer';
const BASE: ClusterProps = {
  clusterName: 'boomi-dev',
  kubernetesVersion: '1.33',
  subnetIds: ['subnet-0a', 'subnet-0b', 'subnet-0c'],
  publicAccessCidrs: ['203.0.113.0/24'],
  adminPrincipalArns: [ADMIN],
};

function synthCluster(props: Partial<ClusterProps> = {}): { json: StackJson; cluster: Record<string, any> } {
  const { json } = synthConstruct((scope) => new Cluster(scope, 'eks', { ...BASE, ...props }));
  return { json, cluster: onlyResource(json, EksCluster.tfResourceType) };
}

/** `type.name` of the only resource of a type, as it appears in depends_on. */
function addressOfOnly(json: StackJson, type: string): string {
  const names = Object.keys(resourcesOfType(json, type));
  expect(names).toHaveLength(1);
  return `${type}.${names[0]}`;
}

describe('Cluster', () => {
  it('pins the given Kubernetes version and name', () => {
    const { cluster } = synthCluster({ kubernetesVersion: '1.32' });
    expect(cluster).toEqual(expect.objectContaining({ name: 'boomi-dev', version: '1.32' }));
  });

  it('sets the upgrade policy from supportType, STANDARD by default', () => {
    expect(synthCluster().cluster.upgrade_policy).toEqual({ support_type: 'STANDARD' });
    expect(synthCluster({ supportType: 'EXTENDED' }).cluster.upgrade_policy).toEqual({ support_type: 'EXTENDED' });
  });

  it('enables all five control-plane log types', () => {
    const { cluster } = synthCluster();
    expect([...cluster.enabled_cluster_log_types].sort()).toEqual(['api', 'audit', 'authenticator', 'controllerManager', 'scheduler']);
  });

  describe('control-plane log group', () => {
    it('is /aws/eks/<name>/cluster, kept 90 days by default, and made before the cluster', () => {
      const { json, cluster } = synthCluster();
      expect(onlyResource(json, CloudwatchLogGroup.tfResourceType)).toEqual(
        expect.objectContaining({ name: '/aws/eks/boomi-dev/cluster', retention_in_days: 90 }),
      );
      expect(cluster.depends_on).toContain(addressOfOnly(json, CloudwatchLogGroup.tfResourceType));
    });

    it('keeps logs for the given retention', () => {
      const { json } = synthCluster({ logRetentionDays: 14 });
      expect(onlyResource(json, CloudwatchLogGroup.tfResourceType).retention_in_days).toBe(14);
    });
  });

  it('encrypts secrets with its own rotating KMS key', () => {
    const { json, cluster } = synthCluster();
    const key = onlyResource(json, KmsKey.tfResourceType);
    expect(key.enable_key_rotation).toBe(true);
    expect(cluster.encryption_config).toEqual({ resources: ['secrets'], provider: { key_arn: expect.any(String) } });
    const ref = referencedResource(json, cluster.encryption_config.provider.key_arn);
    expect(ref).toEqual(expect.objectContaining({ type: KmsKey.tfResourceType, attribute: 'arn' }));
    expect(resourcesOfType(json, KmsKey.tfResourceType)[ref!.name]).toBe(key);
  });

  it('authenticates through the API only, without admin rights for the creator', () => {
    const { cluster } = synthCluster();
    expect(cluster.access_config).toEqual({ authentication_mode: 'API', bootstrap_cluster_creator_admin_permissions: false });
  });

  describe('admin access', () => {
    it('gives each admin an access entry and a cluster-wide AmazonEKSClusterAdminPolicy association', () => {
      const { json } = synthCluster({ adminPrincipalArns: [ADMIN, CI] });
      const clusterName = `\${${addressOfOnly(json, EksCluster.tfResourceType)}.name}`;

      const entries = listResources(json, EksAccessEntry.tfResourceType);
      expect(entries.map((e) => e.principal_arn).sort()).toEqual([CI, ADMIN].sort());
      entries.forEach((e) => expect(e).toEqual(expect.objectContaining({ cluster_name: clusterName, type: 'STANDARD' })));

      const associations = Object.values(resourcesOfType(json, EksAccessPolicyAssociation.tfResourceType));
      expect(associations.map((a) => a.principal_arn).sort()).toEqual([CI, ADMIN].sort());
      for (const a of associations) {
        expect(a).toEqual(
          expect.objectContaining({
            cluster_name: clusterName,
            policy_arn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy',
            access_scope: { type: 'cluster' },
          }),
        );
        // The association must wait for the entry of the same principal.
        const [entryName] = Object.entries(resourcesOfType(json, EksAccessEntry.tfResourceType)).find(([, e]) => e.principal_arn === a.principal_arn)!;
        expect(a.depends_on).toContain(`${EksAccessEntry.tfResourceType}.${entryName}`);
      }
    });

    it('refuses an empty admin list, naming the cluster and the field', () => {
      expect(() => synthCluster({ adminPrincipalArns: [] })).toThrow(
        /Cluster 'boomi-dev' is invalid \(1 problem\):\n  - adminPrincipalArns: \(\[\]\) is empty, so nobody can administer the cluster/,
      );
    });
  });

  describe('endpoint', () => {
    it('is public (limited to the given CIDRs) and private by default', () => {
      const { cluster } = synthCluster({ publicAccessCidrs: ['203.0.113.0/24', '198.51.100.7/32'] });
      expect(cluster.vpc_config).toEqual(
        expect.objectContaining({
          endpoint_public_access: true,
          endpoint_private_access: true,
          public_access_cidrs: ['203.0.113.0/24', '198.51.100.7/32'],
          subnet_ids: ['subnet-0a', 'subnet-0b', 'subnet-0c'],
        }),
      );
    });

    it('can be private only, without public CIDRs', () => {
      const { cluster } = synthCluster({ endpointPublicAccess: false, publicAccessCidrs: [] });
      expect(cluster.vpc_config).toEqual(expect.objectContaining({ endpoint_public_access: false, endpoint_private_access: true }));
      expect(cluster.vpc_config.public_access_cidrs).toBeUndefined();
    });

    it('passes endpointPrivateAccess false through', () => {
      const { cluster } = synthCluster({ endpointPrivateAccess: false });
      expect(cluster.vpc_config.endpoint_private_access).toBe(false);
    });

    it.each([
      ['an empty list', { publicAccessCidrs: [] }],
      ['no list at all', { publicAccessCidrs: undefined }],
    ])('refuses a public endpoint with %s of CIDRs, naming the field', (_, props) => {
      expect(() => synthCluster({ endpointPublicAccess: true, ...props })).toThrow(
        /Cluster 'boomi-dev' is invalid \(1 problem\):\n  - publicAccessCidrs: \(\[\]\) is empty while the public endpoint is on/,
      );
    });
  });

  it('uses 172.20.0.0/16 for services by default, or the given range', () => {
    expect(synthCluster().cluster.kubernetes_network_config).toEqual(expect.objectContaining({ service_ipv4_cidr: '172.20.0.0/16' }));
    expect(synthCluster({ serviceIpv4Cidr: '10.200.0.0/16' }).cluster.kubernetes_network_config).toEqual(
      expect.objectContaining({ service_ipv4_cidr: '10.200.0.0/16' }),
    );
  });

  it('runs as a role only eks.amazonaws.com may assume, with AmazonEKSClusterPolicy attached before the cluster', () => {
    const { json, cluster } = synthCluster();
    const ref = referencedResource(json, cluster.role_arn);
    expect(ref).toEqual(expect.objectContaining({ type: IamRole.tfResourceType, attribute: 'arn' }));
    const role = resourcesOfType(json, IamRole.tfResourceType)[ref!.name];

    const trust = decodeJsonencode(role.assume_role_policy);
    expect(trust.Statement).toHaveLength(1);
    expect(trust.Statement[0]).toEqual(
      expect.objectContaining({ Effect: 'Allow', Principal: { Service: 'eks.amazonaws.com' }, Action: expect.arrayContaining(['sts:AssumeRole']) }),
    );

    const attachments = listResources(json, IamRolePolicyAttachment.tfResourceType);
    expect(attachments).toEqual([
      { role: `\${${IamRole.tfResourceType}.${ref!.name}.name}`, policy_arn: 'arn:aws:iam::aws:policy/AmazonEKSClusterPolicy' },
    ]);
    expect(cluster.depends_on).toContain(addressOfOnly(json, IamRolePolicyAttachment.tfResourceType));
  });
});

describe('Cluster encryption (explicit key policy, customer-managed log key)', () => {
  it('gives the secrets key an explicit policy when account and region are known', () => {
    const { json } = synthCluster({ keyPolicyScope: { accountId: '111122223333', region: 'us-east-1' } });
    const key = onlyResource(json, KmsKey.tfResourceType);
    expect(String(key.policy)).toMatch(/^\$\{jsonencode\(/);
    expect(String(key.policy)).toContain('arn:aws:iam::111122223333:root');
  });

  it('puts the control-plane log group on the given key', () => {
    const { json } = synthCluster({ logKmsKeyArn: 'arn:aws:kms:us-east-1:111122223333:key/abc' });
    expect(onlyResource(json, CloudwatchLogGroup.tfResourceType).kms_key_id).toBe('arn:aws:kms:us-east-1:111122223333:key/abc');
  });

  it('leaves both to AWS defaults when not given', () => {
    const { json } = synthCluster();
    expect(onlyResource(json, KmsKey.tfResourceType).policy).toBeUndefined();
    expect(onlyResource(json, CloudwatchLogGroup.tfResourceType).kms_key_id).toBeUndefined();
  });
});
