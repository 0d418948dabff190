import { validateEnvironment, type ValidationResult } from './environment';
import { AUTOSCALER_OWNED_FLAGS, flagOfExtraArg } from './bypass-rules';
import { effectiveHeap, maxRamFromVmOptions, maxRamPercentageFromVmOptions } from './jvm';
import { validInput, type Overrides, printed } from '../test/valid-input';

const issuesOf = (r: ValidationResult): readonly { path: string; message: string }[] => (r.ok ? [] : printed(r.issues));
const validate = (o: Overrides) => issuesOf(validateEnvironment(validInput(o)));

describe('autoscaler.extraArgs may not set a flag a field owns', () => {
  it.each(Object.entries(AUTOSCALER_OWNED_FLAGS))('--%s (owned by %s) is refused, naming both', (flag, owner) => {
    const issues = validate({ autoscaler: { extraArgs: { [flag]: '5' } } });
    expect(issues).toContainEqual({ path: `autoscaler.extraArgs.${flag}`, message: expect.stringContaining(`sets --${flag}, which`) });
    expect(issues.find((i) => i.path === `autoscaler.extraArgs.${flag}`)!.message).toContain(owner.split(' ')[0]);
  });

  it("max-nodes-total in extraArgs says to set autoscaler.maxNodesTotal instead (the issue's example)", () => {
    expect(validate({ autoscaler: { extraArgs: { 'max-nodes-total': '5' } } })).toEqual([
      {
        path: 'autoscaler.extraArgs.max-nodes-total',
        message: "('5') sets --max-nodes-total, which the field autoscaler.maxNodesTotal sets (and validates): remove it from extraArgs and set autoscaler.maxNodesTotal instead",
      },
    ]);
  });

  it.each([
    ['--max-nodes-total', 'max-nodes-total'],
    ['max-nodes-total_1', 'max-nodes-total'],
    ['expander=random', 'expander'],
    [' scan-interval ', 'scan-interval'],
    ['balancing-ignore-label_2', 'balancing-ignore-label'],
  ])('reads the flag of key %j as %s', (key, flag) => {
    expect(flagOfExtraArg(key)).toBe(flag);
  });

  it('accepts flags no field owns, repeated ones included', () => {
    expect(
      validate({ autoscaler: { extraArgs: { 'balancing-ignore-label_1': 'eks.amazonaws.com/sourceLaunchTemplateId', 'scale-down-utilization-threshold': '0.6' } } }),
    ).toEqual([]);
  });
});

describe('the heap rule reads -Xmx, -XX:MaxRAMPercentage and -XX:MaxRAM', () => {
  it('parses the options, the last one winning', () => {
    expect(maxRamPercentageFromVmOptions('-XX:MaxRAMPercentage=50|-XX:MaxRAMPercentage=62.5')).toBe(62.5);
    expect(maxRamFromVmOptions('-XX:MaxRAM=2g')).toBe(2048);
    expect(maxRamFromVmOptions('-XX:MaxRAM=1048576k')).toBe(1024);
    expect(maxRamFromVmOptions('-Xmx1g')).toBeUndefined();
  });

  it('computes the heap as the JVM does: -Xmx first, then MaxRAM × MaxRAMPercentage (25 % and the limit by default), then heapMiB', () => {
    expect(effectiveHeap('-Xmx700m|-XX:MaxRAMPercentage=95', 512, 2000).mib).toBe(700);
    expect(effectiveHeap('-XX:MaxRAMPercentage=50', 512, 2000)).toEqual({
      mib: 1000,
      source: '50% of the memory limit (2000Mi) from -XX:MaxRAMPercentage in molecule.vmOptionsOverrides',
      followsMemoryLimit: true,
    });
    expect(effectiveHeap('-XX:MaxRAM=4g|-XX:MaxRAMPercentage=50', 512, 2000).followsMemoryLimit).toBe(false);
    expect(effectiveHeap('-XX:MaxRAM=4g', 512, 2000).mib).toBe(1024);
    expect(effectiveHeap('-XX:MaxRAM=4g|-XX:MaxRAMPercentage=50', 512, 2000).mib).toBe(2048);
    expect(effectiveHeap('', 512, 2000)).toEqual({ mib: 512, source: 'molecule.heapMiB', followsMemoryLimit: false });
  });

  it("refuses -XX:MaxRAMPercentage=95 with the default resources (the issue's example), and says which share would fit", () => {
    expect(validate({ molecule: { vmOptionsOverrides: '-XX:MaxRAMPercentage=95' } })).toContainEqual({
      path: 'molecule.resources.requests.memory',
      message:
        "('1024Mi') must be ≥ 1.2 × heap (1459Mi from 95% of the memory limit (1536Mi) from -XX:MaxRAMPercentage in molecule.vmOptionsOverrides): lower -XX:MaxRAMPercentage to at most 55, or set -Xmx",
    });
  });

  it('the share it advises is accepted, one more is not', () => {
    expect(validate({ molecule: { vmOptionsOverrides: '-XX:MaxRAMPercentage=55' } })).toEqual([]);
    expect(validate({ molecule: { vmOptionsOverrides: '-XX:MaxRAMPercentage=56' } }).map((i) => i.path)).toEqual(['molecule.resources.requests.memory']);
  });

  it('refuses -XX:MaxRAM that makes a heap above what the request holds', () => {
    expect(validate({ molecule: { vmOptionsOverrides: '-XX:MaxRAM=8g' } })).toContainEqual({
      path: 'molecule.resources.requests.memory',
      message: expect.stringContaining('(2048Mi from 25% of -XX:MaxRAM (8192Mi) from the default MaxRAMPercentage'),
    });
  });

  it.each(['-XX:MaxRAMPercentage=abc', '-XX:MaxRAMPercentage=0', '-XX:MaxRAMPercentage=150', '-XX:MaxRAM=lots'])('refuses the unreadable %s', (opt) => {
    expect(validate({ molecule: { vmOptionsOverrides: opt } })).toContainEqual({
      path: 'molecule.vmOptionsOverrides',
      message: expect.stringContaining(`has '${opt}', which the heap rule cannot read`),
    });
  });
});
