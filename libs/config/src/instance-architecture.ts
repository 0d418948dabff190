/**
 * The CPU architecture of an EC2 instance type, from its name. Graviton
 * (arm64) families carry a `g` in the attributes after the generation digit
 * (m7g, c7gn, r6gd, t4g, x2gd, im4gn, hpc7g, g5g); `a1` is the first
 * Graviton. GPU families such as g5 or g6 have the `g` before the digit and
 * are x86_64. https://docs.aws.amazon.com/ec2/latest/instancetypes/instance-type-names.html
 */
export type Architecture = 'x86_64' | 'arm64';

export function instanceArchitecture(instanceType: string): Architecture {
  const family = instanceType.split('.')[0];
  if (family === 'a1') return 'arm64';
  const m = /^[a-z]+\d+([a-z]*)/.exec(family);
  return m && m[1].includes('g') ? 'arm64' : 'x86_64';
}
