import { decodeJsonencode, synthConstruct, listResources, onlyResource, resourcesOfType, referencedResource } from '@boomi-eks/testing';
import { TerraformOutput } from 'cdktf';
import { EfsAccessPoint } from '@cdktf/provider-aws/lib/efs-access-point';
import { EfsBackupPolicy } from '@cdktf/provider-aws/lib/efs-backup-policy';
import { EfsFileSystem } from '@cdktf/provider-aws/lib/efs-file-system';
import { EfsFileSystemPolicy } from '@cdktf/provider-aws/lib/efs-file-system-policy';
import { EfsMountTarget } from '@cdktf/provider-aws/lib/efs-mount-target';
import { EksPodIdentityAssociation } from '@cdktf/provider-aws/lib/eks-pod-identity-association';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { EFS_CSI_DRIVER_POLICY_ARN, MoleculeFileSystem, NFS_PORT } from './index';

const { json } = synthConstruct(
  (scope) =>
    new MoleculeFileSystem(scope, 'efs', {
      name: 'dev-boomi',
      clusterName: 'dev-boomi',
      vpcId: 'vpc-123',
      subnetIds: ['subnet-a', 'subnet-b', 'subnet-c'],
      clusterSecurityGroupId: 'sg-cluster',
    }),
);

describe('MoleculeFileSystem', () => {
  it('is encrypted, elastic, and backed up', () => {
    const fs = onlyResource(json, EfsFileSystem.tfResourceType);
    expect(fs).toMatchObject({ encrypted: true, throughput_mode: 'elastic', performance_mode: 'generalPurpose' });
    expect(onlyResource(json, EfsBackupPolicy.tfResourceType).backup_policy).toEqual({ status: 'ENABLED' });
  });

  it('has one mount target per subnet, all behind the NFS security group', () => {
    const targets = listResources(json, EfsMountTarget.tfResourceType);
    expect(targets.map((t) => t.subnet_id)).toEqual(['subnet-a', 'subnet-b', 'subnet-c']);
    const [sgName] = Object.keys(resourcesOfType(json, SecurityGroup.tfResourceType));
    targets.forEach((t) => expect(t.security_groups).toEqual([`\${aws_security_group.${sgName}.id}`]));
  });

  it('opens NFS 2049 to the cluster security group only, and nothing else', () => {
    const sg = onlyResource(json, SecurityGroup.tfResourceType);
    expect(sg.ingress).toBeUndefined();
    const rules = listResources(json, VpcSecurityGroupIngressRule.tfResourceType);
    expect(rules).toHaveLength(1);
    expect(rules[0]).toMatchObject({ ip_protocol: 'tcp', from_port: NFS_PORT, to_port: NFS_PORT, referenced_security_group_id: 'sg-cluster' });
    expect(rules[0].cidr_ipv4).toBeUndefined();
  });

  it("has an access point for /boomi owned by the image's user", () => {
    const ap = onlyResource(json, EfsAccessPoint.tfResourceType);
    expect(ap.posix_user).toEqual({ uid: 1000, gid: 1000 });
    expect(ap.root_directory).toEqual({ path: '/boomi', creation_info: { owner_uid: 1000, owner_gid: 1000, permissions: '0750' } });
    expect(referencedResource(json, ap.file_system_id)?.type).toBe(EfsFileSystem.tfResourceType);
  });

  it('denies every non-TLS access and lets only the CSI node role mount', () => {
    const policy = decodeJsonencode(onlyResource(json, EfsFileSystemPolicy.tfResourceType).policy);
    const deny = policy.Statement.find((s: any) => s.Effect === 'Deny');
    expect(deny).toMatchObject({ Principal: { AWS: '*' }, Action: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } });
    const allow = policy.Statement.find((s: any) => s.Effect === 'Allow');
    expect(allow.Principal.AWS).toMatch(/efs_csi_node_role_.*\.arn\}$/);
    expect(allow.Action).toEqual(['elasticfilesystem:ClientMount', 'elasticfilesystem:ClientWrite']);
  });

  it('binds the CSI controller and node service accounts through Pod Identity', () => {
    const assoc = listResources(json, EksPodIdentityAssociation.tfResourceType).map((a) => [a.namespace, a.service_account]);
    expect(assoc).toEqual([
      ['kube-system', 'efs-csi-controller-sa'],
      ['kube-system', 'efs-csi-node-sa'],
    ]);
    expect(listResources(json, IamRolePolicyAttachment.tfResourceType).map((p) => p.policy_arn)).toEqual([EFS_CSI_DRIVER_POLICY_ARN]);
    const nodePolicy = decodeJsonencode(onlyResource(json, IamRolePolicy.tfResourceType).policy);
    expect(nodePolicy.Statement[0].Action).toEqual(expect.arrayContaining(['elasticfilesystem:ClientMount', 'elasticfilesystem:ClientWrite']));
    expect(nodePolicy.Statement[0].Resource).toMatch(/aws_efs_file_system\..*\.arn/);
  });

  it("exposes the ids the Molecule chart needs: the file system's and the access point's id, not any token", () => {
    // Rendered through outputs, so the test sees the Terraform expression each attribute resolves to.
    const { json: wired } = synthConstruct((scope) => {
      const efs = new MoleculeFileSystem(scope, 'efs', {
        name: 'dev-boomi', clusterName: 'dev-boomi', vpcId: 'vpc-123', subnetIds: ['subnet-a'], clusterSecurityGroupId: 'sg-cluster',
      });
      new TerraformOutput(scope, 'file_system_id', { value: efs.fileSystemId });
      new TerraformOutput(scope, 'access_point_id', { value: efs.accessPointId });
    });
    const fsName = Object.keys(resourcesOfType(wired, EfsFileSystem.tfResourceType))[0];
    const apName = Object.keys(resourcesOfType(wired, EfsAccessPoint.tfResourceType))[0];
    expect(referencedResource(wired, wired.output?.file_system_id?.value)).toEqual({ type: EfsFileSystem.tfResourceType, name: fsName, attribute: 'id' });
    expect(referencedResource(wired, wired.output?.access_point_id?.value)).toEqual({ type: EfsAccessPoint.tfResourceType, name: apName, attribute: 'id' });
    // and the access point those ids hand over is on that file system
    expect(referencedResource(wired, onlyResource(wired, EfsAccessPoint.tfResourceType).file_system_id)).toEqual({ type: EfsFileSystem.tfResourceType, name: fsName, attribute: 'id' });
  });
});

describe('MoleculeFileSystem with the node instance role (mounts without the node Pod Identity)', () => {
  const NODE_ROLE_ARN = 'arn:aws:iam::123456789012:role/dev-boomi-node';
  const { json: withNode } = synthConstruct(
    (scope) =>
      new MoleculeFileSystem(scope, 'efs', {
        name: 'dev-boomi',
        clusterName: 'dev-boomi',
        vpcId: 'vpc-123',
        subnetIds: ['subnet-a'],
        clusterSecurityGroupId: 'sg-cluster',
        nodeInstanceRole: { arn: NODE_ROLE_ARN, name: 'dev-boomi-node' },
      }),
  );

  it('admits both the CSI node Pod Identity role and the node role in the file-system policy', () => {
    const policy = String(onlyResource(withNode, EfsFileSystemPolicy.tfResourceType).policy);
    expect(policy).toContain(NODE_ROLE_ARN);
    expect(policy).toMatch(/efs_csi_node_role_[^"]*\.arn/);
    expect(policy).toContain('elasticfilesystem:AccessedViaMountTarget');
  });

  it('grants the node role ClientMount/ClientWrite on this file system only (a jsonencode policy)', () => {
    const grants = listResources(withNode, IamRolePolicy.tfResourceType).filter((p) => p.role === 'dev-boomi-node');
    expect(grants).toHaveLength(1);
    const policy = String(grants[0].policy);
    expect(policy).toMatch(/^\$\{jsonencode\(/);
    expect(policy).toContain('elasticfilesystem:ClientMount');
    expect(policy).toContain('elasticfilesystem:ClientWrite');
    expect(policy).toMatch(/aws_efs_file_system\.[^.]+\.arn/);
    expect(policy).not.toContain('"*"');
  });

  it('without the node role, grants it nothing', () => {
    expect(listResources(json, IamRolePolicy.tfResourceType).filter((p) => p.role === 'dev-boomi-node')).toEqual([]);
  });
});

describe('MoleculeFileSystem on a customer-managed key', () => {
  it('sets kms_key_id when given, and leaves the AWS-managed key otherwise', () => {
    const { json: cmk } = synthConstruct(
      (scope) =>
        new MoleculeFileSystem(scope, 'efs', {
          name: 'dev-boomi', clusterName: 'dev-boomi', vpcId: 'vpc-1', subnetIds: ['subnet-a'], clusterSecurityGroupId: 'sg-1',
          kmsKeyArn: 'arn:aws:kms:us-east-1:123456789012:key/k',
        }),
    );
    expect(onlyResource(cmk, EfsFileSystem.tfResourceType)).toMatchObject({ encrypted: true, kms_key_id: 'arn:aws:kms:us-east-1:123456789012:key/k' });
    expect(onlyResource(json, EfsFileSystem.tfResourceType).kms_key_id).toBeUndefined();
  });
});

describe('MoleculeFileSystem.addMoleculeAccessPoint (several Molecules per cluster)', () => {
  const props = { name: 'dev-boomi', clusterName: 'dev-boomi', vpcId: 'vpc-123', subnetIds: ['subnet-a'], clusterSecurityGroupId: 'sg-cluster' };
  const { json: two, result: added } = synthConstruct((scope) => {
    const fs = new MoleculeFileSystem(scope, 'efs', props);
    return { fs, b: fs.addMoleculeAccessPoint('team-b', { posixUser: { uid: 2000, gid: 2000 } }) };
  });

  it('adds an access point with its own directory and owner, next to the first one (whose address is unchanged)', () => {
    const aps = resourcesOfType(two, EfsAccessPoint.tfResourceType);
    expect(Object.keys(aps).sort()).toEqual(['efs_access-point-team-b_ED32318D', 'efs_access-point_26B25120'].sort());
    const b = aps['efs_access-point-team-b_ED32318D'];
    expect(b.root_directory).toEqual({ path: '/boomi-team-b', creation_info: { owner_uid: 2000, owner_gid: 2000, permissions: '0750' } });
    expect(b.posix_user).toEqual({ uid: 2000, gid: 2000 });
    expect(b.tags).toEqual({ Name: 'dev-boomi-molecule-team-b' });
    expect(aps['efs_access-point_26B25120'].root_directory.path).toBe('/boomi');
    expect(added.b.node.id).toBe('access-point-team-b');
  });

  it("refuses a reused name, a bad name, or the first Molecule's directory", () => {
    expect(() => added.fs.addMoleculeAccessPoint('team-b')).toThrow(/name: \('team-b'\) is already used on this file system: give each Molecule its own name/);
    expect(() => added.fs.addMoleculeAccessPoint('Team B')).toThrow(/name: \('Team B'\) must be a DNS-1123 label/);
    expect(() => added.fs.addMoleculeAccessPoint('team-c', { path: '/boomi' })).toThrow(/path: \('\/boomi'\) is the first Molecule's directory: give 'team-c' its own/);
  });
});
