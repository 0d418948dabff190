import { renderMolecule, type Obj } from '../test/molecule-fixtures';
import { MOLECULE_CLUSTER_PORTS } from './molecule-network-policy';

const policy = (objects: Obj[], name: string) => objects.find((o) => o.kind === 'NetworkPolicy' && o.metadata.name === name)!;

describe('Molecule NetworkPolicies (default deny + allowances)', () => {
  const VPC = '10.100.0.0/16';
  const { objects } = renderMolecule({
    service: { sourceRanges: ['198.51.100.0/24'] },
    networkPolicy: { clusterCidrs: [VPC] },
  });
  const molecule = policy(objects, 'molecule');
  const deny = policy(objects, 'default-deny-all');
  const ingressPorts = (i: number) => molecule.spec.ingress[i].ports;

  it('default-deny-all selects every pod of the namespace and allows nothing either way', () => {
    expect(deny.metadata.namespace).toBe('boomi');
    expect(deny.spec).toEqual({ podSelector: {}, policyTypes: ['Ingress', 'Egress'] });
  });

  it('molecule selects the Molecule pods, both directions', () => {
    expect(molecule.metadata.namespace).toBe('boomi');
    expect(molecule.spec.podSelector).toEqual({ matchLabels: { app: 'molecule' } });
    expect(molecule.spec.policyTypes).toEqual(['Ingress', 'Egress']);
  });

  it('ingress to the container port only from the load balancer ranges and the VPC (NLB health checks, kube-proxy SNAT)', () => {
    expect(molecule.spec.ingress[0]).toEqual({
      from: [{ ipBlock: { cidr: '198.51.100.0/24' } }, { ipBlock: { cidr: VPC } }],
      ports: [{ protocol: 'TCP', port: 9090 }],
    });
  });

  it('Molecule-to-Molecule on every port, both ways (JGroups 7800/TCP, 45588/UDP and FD_SOCK random ports)', () => {
    const peers = [{ podSelector: { matchLabels: { app: 'molecule' } } }];
    expect(molecule.spec.ingress[1]).toEqual({ from: peers });
    expect(molecule.spec.egress[1]).toEqual({ to: peers });
    expect(MOLECULE_CLUSTER_PORTS).toEqual({ unicastTcp: 7800, multicastUdp: 45588 });
  });

  it('egress: DNS, platform 443, EFS 2049 to the VPC, and nothing else', () => {
    expect(molecule.spec.egress).toEqual([
      { ports: [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }] },
      { to: [{ podSelector: { matchLabels: { app: 'molecule' } } }] },
      { to: [{ ipBlock: { cidr: '0.0.0.0/0' } }], ports: [{ protocol: 'TCP', port: 443 }] },
      { to: [{ ipBlock: { cidr: VPC } }], ports: [{ protocol: 'TCP', port: 2049 }] },
    ]);
    expect(ingressPorts(0)).toHaveLength(1);
  });

  it('no source ranges: the container port is open as the load balancer is', () => {
    const { objects: o } = renderMolecule();
    expect(policy(o, 'molecule').spec.ingress[0].from).toEqual([{ ipBlock: { cidr: '0.0.0.0/0' } }]);
    // no cluster CIDR given: no EFS rule (the policy never names 2049 to everywhere)
    expect(JSON.stringify(policy(o, 'molecule').spec.egress)).not.toContain('2049');
  });

  it('extra egress and ingress (e.g. Prometheus from its namespace) are added, platform CIDRs narrowed', () => {
    const { objects: o } = renderMolecule({
      networkPolicy: {
        platformCidrs: ['203.0.113.0/24'],
        extraEgress: [{ cidr: '192.0.2.10/32', ports: [{ port: 5432 }, { port: 514, protocol: 'UDP' }] }],
        extraIngress: [{ namespace: 'monitoring', port: 9404 }],
      },
    });
    const p = policy(o, 'molecule').spec;
    expect(p.egress).toContainEqual({ to: [{ ipBlock: { cidr: '203.0.113.0/24' } }], ports: [{ protocol: 'TCP', port: 443 }] });
    expect(p.egress).toContainEqual({ to: [{ ipBlock: { cidr: '192.0.2.10/32' } }], ports: [{ protocol: 'TCP', port: 5432 }, { protocol: 'UDP', port: 514 }] });
    expect(p.ingress).toContainEqual({
      from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } }],
      ports: [{ protocol: 'TCP', port: 9404 }],
    });
  });

  it('can be turned off', () => {
    const { chart, all } = renderMolecule({ networkPolicy: { enabled: false } });
    expect(all('NetworkPolicy')).toHaveLength(0);
    expect(chart.networkPolicies).toBeUndefined();
  });

  it('refuses rules that would open everything, naming the field', () => {
    expect(() => renderMolecule({ networkPolicy: { extraIngress: [{ port: 9404 }] } })).toThrow(/networkPolicy\.extraIngress\[0\]: \(\{"port":9404\}\) must name a namespace or a cidr/);
    expect(() => renderMolecule({ networkPolicy: { extraEgress: [{ cidr: '192.0.2.0/24', ports: [] }] } })).toThrow(/networkPolicy\.extraEgress\[0\]\.ports: \(\[\]\) must list at least one port/);
    expect(() => renderMolecule({ networkPolicy: { clusterCidrs: ['10.0.0.0'] } })).toThrow(/networkPolicy\.clusterCidrs\[0\]: \('10\.0\.0\.0'\) must be a CIDR/);
  });
});
