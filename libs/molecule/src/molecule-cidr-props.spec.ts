import { AP_ID, FS_ID } from '../test/molecule-fixtures';
import { MoleculeChartProps, resolveMoleculeProps } from './molecule-props';
import { validateMoleculeProps } from './validate-molecule-props';

const issuesOf = (props: Partial<MoleculeChartProps>) =>
  validateMoleculeProps(resolveMoleculeProps({ fileSystemId: FS_ID, accessPointId: AP_ID, ...props })).map((i) => ({ path: i.path, value: i.value }));

describe('molecule CIDR props (checked with @boomi-eks/primitives parseCidr)', () => {
  it.each(['10.0.0.0/8', '203.0.113.10/32', '10.0.0.1/24', '0.0.0.0/0', '2001:db8::/32'])('accepts %s as a source range', (cidr) => {
    expect(issuesOf({ service: { sourceRanges: [cidr] } })).toEqual([]);
  });

  it.each(['999.0.0.0/8', '10.0.0.0/33', '10.0.0.0', 'office', '2001:db8::/129'])('refuses %s, naming the field and the value', (cidr) => {
    expect(issuesOf({ service: { sourceRanges: [cidr] } })).toEqual([{ path: 'service.sourceRanges[0]', value: cidr }]);
  });

  it('checks extra egress rules the same way', () => {
    expect(issuesOf({ networkPolicy: { extraEgress: [{ cidr: '300.1.1.1/32', ports: [{ port: 443 }] }] } })).toEqual([
      { path: 'networkPolicy.extraEgress[0].cidr', value: '300.1.1.1/32' },
    ]);
  });
});
