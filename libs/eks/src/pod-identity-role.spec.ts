import { Fn } from 'cdktf';
import { EksPodIdentityAssociation } from '@cdktf/provider-aws/lib/eks-pod-identity-association';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { PodIdentityRole, type PodIdentityRoleProps } from '@boomi-eks/eks';
import { decodeJsonencode, listResources, onlyResource, resourcesOfType, synthConstruct, type StackJson } from '@boomi-eks/testing';

const BASE: PodIdentityRoleProps = {
  clusterName: 'boomi-dev',
  namespace: 'kube-system',
  serviceAccount: 'cluster-autoscaler',
  roleName: 'boomi-dev-cluster-autoscaler',
};

function synthRole(props: Partial<PodIdentityRoleProps> = {}): { json: StackJson; role: Record<string, any>; roleAddress: string } {
  const { json } = synthConstruct((scope) => new PodIdentityRole(scope, 'autoscaler', { ...BASE, ...props }));
  const [name] = Object.keys(resourcesOfType(json, IamRole.tfResourceType));
  return { json, role: onlyResource(json, IamRole.tfResourceType), roleAddress: `${IamRole.tfResourceType}.${name}` };
}

describe('PodIdentityRole', () => {
  it('is a role with the given name that only EKS Pod Identity may assume and tag', () => {
    const { role } = synthRole();
    expect(role.name).toBe('boomi-dev-cluster-autoscaler');
    const trust = decodeJsonencode(role.assume_role_policy);
    expect(trust.Statement).toEqual([
      expect.objectContaining({ Effect: 'Allow', Principal: { Service: 'pods.eks.amazonaws.com' } }),
    ]);
    expect([trust.Statement[0].Action].flat().sort()).toEqual(['sts:AssumeRole', 'sts:TagSession']);
  });

  it('associates the role with the service account in its namespace', () => {
    const { json, roleAddress } = synthRole();
    expect(onlyResource(json, EksPodIdentityAssociation.tfResourceType)).toEqual({
      cluster_name: 'boomi-dev',
      namespace: 'kube-system',
      service_account: 'cluster-autoscaler',
      role_arn: `\${${roleAddress}.arn}`,
    });
  });

  it('attaches each managed policy to the role', () => {
    const policies = ['arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess', 'arn:aws:iam::111122223333:policy/boomi-molecule'];
    const { json, roleAddress } = synthRole({ managedPolicyArns: policies });
    const attachments = listResources(json, IamRolePolicyAttachment.tfResourceType);
    expect(attachments.map((a) => a.policy_arn).sort()).toEqual([...policies].sort());
    attachments.forEach((a) => expect(a.role).toBe(`\${${roleAddress}.name}`));
  });

  it('attaches no policy at all by default', () => {
    const { json } = synthRole();
    expect(listResources(json, IamRolePolicyAttachment.tfResourceType)).toEqual([]);
    expect(listResources(json, IamRolePolicy.tfResourceType)).toEqual([]);
  });

  it('puts the inline policy on the role as given', () => {
    const document = {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: ['autoscaling:SetDesiredCapacity'], Resource: '*' }],
    };
    const { json, roleAddress } = synthRole({ inlinePolicy: Fn.jsonencode(document) });
    const policy = onlyResource(json, IamRolePolicy.tfResourceType);
    expect(policy.role).toBe(`\${${roleAddress}.name}`);
    expect(decodeJsonencode(policy.policy)).toEqual(document);
  });

  it('accepts a role name of exactly 64 characters', () => {
    const { role } = synthRole({ roleName: 'r'.repeat(64) });
    expect(role.name).toHaveLength(64);
  });

  it('refuses a role name over 64 characters, quoting it with its length', () => {
    const long = 'boomi-dev-' + 'x'.repeat(55);
    expect(long).toHaveLength(65);
    expect(() => synthRole({ roleName: long })).toThrow(`roleName: ('${long}') is 65 characters: IAM allows 64: shorten it`);
  });
});
