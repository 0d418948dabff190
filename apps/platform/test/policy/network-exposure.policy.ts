// Policy: nothing listens to the whole internet unless the environment says
// so, and node credentials stay on the node (IMDSv2, hop limit 1, so a pod
// cannot reach the instance role through the metadata service).
import { cidrsOverlap, parseCidr } from '@boomi-eks/primitives';
import { moleculesOf } from '@boomi-eks/config';
import { blocks, manifestsOf, moleculesIn, resourcesNamed, synthesizePlatform } from './platform-under-test';

const platform = synthesizePlatform();
const stacks = platform.stacks.map((s) => [s.id, s] as const);

/** 0.0.0.0/0, ::/0 and any other /0: the whole address space. */
const isWholeInternet = (cidr: unknown) => typeof cidr === 'string' && /\/0$/.test(cidr.trim());

/** Every ingress source CIDR of a stack, from each way Terraform can write one, with where it is. */
function ingressCidrs(stack: (typeof platform.stacks)[number]): { where: string; cidr: string }[] {
  const out: { where: string; cidr: string }[] = [];
  const add = (where: string, cidrs: unknown) => blocks(cidrs as never).forEach((c) => out.push({ where, cidr: String(c) }));
  for (const type of ['aws_security_group', 'aws_default_security_group']) {
    for (const { name, body } of resourcesNamed(stack.json, type)) {
      blocks(body.ingress).forEach((rule, i) => {
        add(`${type}.${name}.ingress[${i}].cidr_blocks`, rule.cidr_blocks);
        add(`${type}.${name}.ingress[${i}].ipv6_cidr_blocks`, rule.ipv6_cidr_blocks);
      });
    }
  }
  for (const { name, body } of resourcesNamed(stack.json, 'aws_security_group_rule')) {
    if (body.type !== 'ingress') continue;
    add(`aws_security_group_rule.${name}.cidr_blocks`, body.cidr_blocks);
    add(`aws_security_group_rule.${name}.ipv6_cidr_blocks`, body.ipv6_cidr_blocks);
  }
  for (const { name, body } of resourcesNamed(stack.json, 'aws_vpc_security_group_ingress_rule')) {
    add(`aws_vpc_security_group_ingress_rule.${name}.cidr_ipv4`, body.cidr_ipv4);
    add(`aws_vpc_security_group_ingress_rule.${name}.cidr_ipv6`, body.cidr_ipv6);
  }
  return out;
}

describe.each(stacks)('%s', (_id, stack) => {
  it('requires IMDSv2 with a hop limit of 1 on every launch template', () => {
    for (const { name, body } of resourcesNamed(stack.json, 'aws_launch_template')) {
      const [metadata] = blocks(body.metadata_options);
      expect({ name, http_tokens: metadata?.http_tokens, http_put_response_hop_limit: metadata?.http_put_response_hop_limit }).toEqual({
        name,
        http_tokens: 'required',
        http_put_response_hop_limit: 1,
      });
      expect(metadata.http_endpoint).not.toBe('disabled');
    }
  });

  it('opens no security group to 0.0.0.0/0 or ::/0', () => {
    expect(ingressCidrs(stack).filter((r) => isWholeInternet(r.cidr))).toEqual([]);
  });

  it('opens the EKS API only to the CIDRs the environment lists', () => {
    for (const { name, body } of resourcesNamed(stack.json, 'aws_eks_cluster')) {
      const vpc = blocks(body.vpc_config)[0];
      const configured = stack.env!.cluster.endpoint;
      expect({ name, public: vpc.endpoint_public_access, cidrs: vpc.public_access_cidrs ?? [] }).toEqual({
        name,
        public: configured.publicAccess,
        cidrs: configured.publicAccess ? configured.publicAccessCidrs : expect.anything(),
      });
      expect((vpc.public_access_cidrs ?? []).filter(isWholeInternet)).toEqual([]);
    }
  });
});

describe('the Molecule NLB listeners (the one ingress an environment may open wider, one per Molecule)', () => {
  // Every Molecule of every environment (`teams` has two) with the LoadBalancer Services of its namespace.
  const services = platform.envs.flatMap((env) =>
    moleculesIn(platform, env).map(({ entry, manifests }) => ({
      env,
      at: `${env.name} ${entry.path}`,
      service: entry.molecule.service,
      lbs: manifests.filter((m) => m.kind === 'Service' && m.spec?.type === 'LoadBalancer'),
    })),
  );

  it("is the only LoadBalancer Service of each environment, one per Molecule, each in its Molecule's namespace", () => {
    for (const env of platform.envs) {
      const workloads = platform.stacks.find((s) => s.env === env && s.kind === 'workloads')!;
      const all = manifestsOf(workloads.json).filter((m) => m.kind === 'Service' && m.spec?.type === 'LoadBalancer');
      const expected = moleculesOf(env).map((e) => `${e.molecule.namespace}/molecule-service`);
      expect({ env: env.name, services: all.map((s) => `${s.metadata.namespace}/${s.metadata.name}`).sort() }).toEqual({ env: env.name, services: expected.sort() });
    }
    for (const { at, lbs } of services) expect({ at, count: lbs.length }).toEqual({ at, count: 1 });
  });

  it('admits exactly the sourceRanges each Molecule configured, where it configured some', () => {
    const configured = services.filter(({ service }) => service.sourceRanges.length > 0);
    expect(configured.length).toBeGreaterThan(0); // the generated environment configures one
    for (const { at, service, lbs } of configured) {
      expect({ at, ranges: lbs[0].spec.loadBalancerSourceRanges }).toEqual({ at, ranges: service.sourceRanges });
    }
  });

  it('with no sourceRanges configured, admits only the VPC, never the internet', () => {
    const unconfigured = services.filter(({ service }) => service.sourceRanges.length === 0);
    expect(unconfigured.length).toBeGreaterThan(0); // teams' second Molecule: an internal NLB
    const open = unconfigured
      .map(({ env, at, service, lbs }) => {
        const vpc = parseCidr(env.network.vpcCidr)!;
        const ranges: unknown = lbs[0].spec.loadBalancerSourceRanges;
        const outsideVpc = Array.isArray(ranges)
          ? ranges.filter((r) => {
              const c = parseCidr(String(r));
              return !c || c.prefix < vpc.prefix || !cidrsOverlap(c, vpc);
            })
          : service.scheme === 'internal'
            ? [] // an internal NLB is reachable from the VPC only anyway
            : ['(no loadBalancerSourceRanges on an internet-facing NLB: the whole internet)'];
        return { at, scheme: service.scheme, vpcCidr: env.network.vpcCidr, outsideVpc };
      })
      .filter((r) => r.outsideVpc.length > 0);
    expect(open).toEqual([]);
  });
});
