import { EksAddon } from '@cdktf/provider-aws/lib/eks-addon';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { ClusterAddons, vpcCniConfigurationValues, type AddonSpec, type ClusterAddonsProps } from '@boomi-eks/eks';
import { listResources, resourcesOfType, synthConstruct, type StackJson } from '@boomi-eks/testing';

const VPC_CNI: AddonSpec = { name: 'vpc-cni', version: 'v1.20.1-eksbuild.3' };
const KUBE_PROXY: AddonSpec = { name: 'kube-proxy', version: 'v1.33.0-eksbuild.2' };

function synthAddons(props: Partial<ClusterAddonsProps> = {}): { json: StackJson; addons: ClusterAddons } {
  const { json, result } = synthConstruct((scope) => new ClusterAddons(scope, 'addons', { clusterName: 'boomi-dev', addons: [VPC_CNI, KUBE_PROXY], ...props }));
  return { json, addons: result };
}

/** The aws_eks_addon resource for an add-on name. */
function addonNamed(json: StackJson, name: string): Record<string, any> {
  const found = listResources(json, EksAddon.tfResourceType).filter((a) => a.addon_name === name);
  expect(found).toHaveLength(1);
  return found[0];
}

describe('ClusterAddons', () => {
  it('installs each add-on at its exact version, overwriting conflicts on create and update', () => {
    const { json, addons } = synthAddons();
    expect(listResources(json, EksAddon.tfResourceType)).toHaveLength(2);
    for (const spec of [VPC_CNI, KUBE_PROXY]) {
      expect(addonNamed(json, spec.name)).toEqual(
        expect.objectContaining({
          cluster_name: 'boomi-dev',
          addon_version: spec.version,
          resolve_conflicts_on_create: 'OVERWRITE',
          resolve_conflicts_on_update: 'OVERWRITE',
        }),
      );
    }
    expect(Object.keys(addons.addons).sort()).toEqual(['kube-proxy', 'vpc-cni']);
  });

  it('never asks for the most recent version', () => {
    const { json } = synthAddons();
    listResources(json, EksAddon.tfResourceType).forEach((a) => expect(a.most_recent).toBeUndefined());
  });

  it.each(['latest', 'v1.2', '1.20.1-eksbuild.3', 'v1.20.1', 'v1.20.1-eksbuild', 'v1.20.1-eksbuild.3 ', ''])(
    'refuses the non-exact version %p, naming the add-on and the version',
    (version) => {
      expect(() => synthAddons({ addons: [{ name: 'vpc-cni', version }] })).toThrow(
        `addons[0].version: ('${version}') is not an exact EKS build (vX.Y.Z-eksbuild.N) of add-on 'vpc-cni'`,
      );
    },
  );

  it('passes Pod Identity associations through', () => {
    const { json } = synthAddons({
      addons: [
        {
          name: 'aws-ebs-csi-driver',
          version: 'v1.45.0-eksbuild.2',
          podIdentity: [
            { serviceAccount: 'ebs-csi-controller-sa', roleArn: 'arn:aws:iam::111122223333:role/ebs-csi' },
            { serviceAccount: 'ebs-csi-node-sa', roleArn: 'arn:aws:iam::111122223333:role/ebs-csi-node' },
          ],
        },
      ],
    });
    expect(addonNamed(json, 'aws-ebs-csi-driver').pod_identity_association).toEqual([
      { service_account: 'ebs-csi-controller-sa', role_arn: 'arn:aws:iam::111122223333:role/ebs-csi' },
      { service_account: 'ebs-csi-node-sa', role_arn: 'arn:aws:iam::111122223333:role/ebs-csi-node' },
    ]);
  });

  it('has no Pod Identity association, service account role or configuration unless given', () => {
    const { json } = synthAddons();
    const addon = addonNamed(json, 'vpc-cni');
    expect(addon.pod_identity_association ?? []).toEqual([]);
    expect(addon.service_account_role_arn).toBeUndefined();
    expect(addon.configuration_values).toBeUndefined();
  });

  it('passes the service account role and configuration values through', () => {
    const configurationValues = JSON.stringify({ env: { ENABLE_PREFIX_DELEGATION: 'true' } });
    const { json } = synthAddons({
      addons: [{ ...VPC_CNI, serviceAccountRoleArn: 'arn:aws:iam::111122223333:role/vpc-cni', configurationValues }],
    });
    expect(addonNamed(json, 'vpc-cni')).toEqual(
      expect.objectContaining({ service_account_role_arn: 'arn:aws:iam::111122223333:role/vpc-cni', configuration_values: configurationValues }),
    );
  });

  it('makes every add-on wait for the given dependencies', () => {
    const { json } = synthConstruct((scope) => {
      const nodes = new IamRole(scope, 'stand-in-for-nodes', { name: 'stand-in', assumeRolePolicy: '{}' });
      return new ClusterAddons(scope, 'addons', { clusterName: 'boomi-dev', addons: [VPC_CNI, KUBE_PROXY], dependsOn: [nodes] });
    });
    const [standIn] = Object.keys(resourcesOfType(json, IamRole.tfResourceType));
    listResources(json, EksAddon.tfResourceType).forEach((a) => expect(a.depends_on).toEqual([`${IamRole.tfResourceType}.${standIn}`]));
  });
});

describe('vpcCniConfigurationValues', () => {
  it('turns on NetworkPolicy enforcement with the string "true" the add-on schema takes', () => {
    expect(vpcCniConfigurationValues({ networkPolicy: true })).toEqual({ enableNetworkPolicy: 'true' });
  });
  it('is empty (the add-on defaults) without network policies', () => {
    expect(vpcCniConfigurationValues({ networkPolicy: false })).toEqual({});
  });
});
