import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { InvalidPropsError, formatIssue } from '@boomi-eks/primitives';
import { AP_ID, FS_ID, renderMolecule } from '../test/molecule-fixtures';
import { MOLECULE_DEFAULTS } from './molecule-defaults';
import { MoleculeChartProps, resolveMoleculeProps } from './molecule-props';
import { validateMoleculeHpa, validateMoleculeProps, validateMoleculeResources, validateMoleculeService } from './validate-molecule-props';
import { parseQuantity } from '@boomi-eks/primitives';

const issuesOf = (props: Partial<MoleculeChartProps>) =>
  validateMoleculeProps(resolveMoleculeProps({ fileSystemId: FS_ID, accessPointId: AP_ID, ...props }));
const linesOf = (props: Partial<MoleculeChartProps>) => issuesOf(props).map(formatIssue);
const thrownBy = (run: () => unknown): InvalidPropsError => {
  try {
    run();
  } catch (e) {
    return e as InvalidPropsError;
  }
  throw new Error('expected a throw');
};

describe('molecule props validation', () => {
  it('accepts the defaults', () => {
    expect(issuesOf({})).toEqual([]);
  });

  it('minReplicas above maxReplicas names both fields and values', () => {
    expect(issuesOf({ hpa: { minReplicas: 5, maxReplicas: 3 } })).toEqual([
      { path: 'hpa.minReplicas', value: 5, message: 'is greater than hpa.maxReplicas (3)', fix: 'lower minReplicas or raise maxReplicas' },
    ]);
    expect(() => renderMolecule({ hpa: { minReplicas: 5, maxReplicas: 3 } })).toThrow(
      'hpa.minReplicas: (5) is greater than hpa.maxReplicas (3): lower minReplicas or raise maxReplicas',
    );
  });

  it('the chart throws one InvalidPropsError carrying every problem at once', () => {
    const error = thrownBy(() => renderMolecule({ fileSystemId: 'efs-123', accessPointId: 'ap-1', replicas: -1, service: { port: 70000 } }));
    expect(error).toBeInstanceOf(InvalidPropsError);
    expect(error.message).toMatch(/^MoleculeChart '.+' is invalid \(4 problems\)/);
    expect(error.issues.map((i) => [i.path, i.value])).toEqual([
      ['fileSystemId', 'efs-123'],
      ['accessPointId', 'ap-1'],
      ['replicas', -1],
      ['service.port', 70000],
    ]);
    expect(error.message).toContain("fileSystemId: ('efs-123') must be an EFS file system id like fs-0123456789abcdef0: pass the file system id, not its ARN or DNS name");
    expect(error.message).toContain('replicas: (-1) must be an integer ≥ 0');
    expect(error.message).toContain('service.port: (70000) must be an integer in 1..65535');
  });

  it('skips the id format checks for cdktf tokens (the chart passes Token.isUnresolved)', () => {
    const stack = new TerraformStack(Testing.app(), 'tokens');
    const fs = new TerraformVariable(stack, 'fs', { type: 'string' }).stringValue;
    const ap = new TerraformVariable(stack, 'ap', { type: 'string' }).stringValue;
    const { one } = renderMolecule({ fileSystemId: fs, accessPointId: ap });
    expect(one('PersistentVolume').spec.csi.volumeHandle).toBe(`${fs}::${ap}`);
    // Without the predicate, the same token is checked (and refused): the option is what skips it.
    expect(issuesOf({ fileSystemId: fs }).map((i) => i.path)).toEqual(['fileSystemId']);
    expect(validateMoleculeProps(resolveMoleculeProps({ fileSystemId: fs, accessPointId: AP_ID }), { isUnresolved: (v) => v === fs })).toEqual([]);
  });

  it.each([
    [{ namespace: 'Boomi_NS' }, "namespace: ('Boomi_NS')"],
    [{ secretName: 'Boomi Secret' }, "secretName: ('Boomi Secret')"],
    [{ storageSize: '5 GB' }, "storageSize: ('5 GB')"],
    [{ image: { tag: 'release:latest' } }, "image.tag: ('release:latest')"],
    [{ image: { repository: ' ' } }, 'image.repository:'],
    [{ atomName: '' }, "atomName: ('')"],
    [{ platformUrl: 'starlord.sandbox.boomi.com' }, "platformUrl: ('starlord.sandbox.boomi.com')"],
    [{ terminationGracePeriodSeconds: 1.5 }, 'terminationGracePeriodSeconds: (1.5)'],
    [{ resources: { cpuRequest: 'lots' } }, "resources.cpuRequest: ('lots')"],
    [{ resources: { memoryRequest: '2Gi' } }, "resources.memoryLimit: ('1536Mi') is below the memory request (2Gi)"],
    [{ resources: { cpuRequest: '2' } }, "resources.cpuLimit: ('1000m') is below the cpu request (2)"],
    [{ probes: { startupFailureThreshold: 0 } }, 'probes.startupFailureThreshold: (0)'],
    [{ probes: { readinessPeriodSeconds: 0 } }, 'probes.readinessPeriodSeconds: (0)'],
    [{ probes: { readinessInitialDelaySeconds: -1 } }, 'probes.readinessInitialDelaySeconds: (-1)'],
    [{ probes: { livenessPeriodSeconds: 0 } }, 'probes.livenessPeriodSeconds: (0)'],
    [{ service: { targetPort: 0 } }, 'service.targetPort: (0)'],
    [{ service: { sourceRanges: ['10.0.0.0/8', 'office'] } }, "service.sourceRanges[1]: ('office')"],
    [{ hpa: { minReplicas: 0 } }, 'hpa.minReplicas: (0)'],
    [{ hpa: { cpuUtilization: 0 } }, 'hpa.cpuUtilization: (0)'],
    [{ hpa: { memoryUtilization: 12.5 } }, 'hpa.memoryUtilization: (12.5)'],
    [{ hpa: { scaleDownStabilizationSeconds: 3601 } }, 'hpa.scaleDownStabilizationSeconds: (3601) must be an integer in 0..3600'],
    [{ podDisruptionBudget: { maxUnavailable: '150%' } }, "podDisruptionBudget.maxUnavailable: ('150%')"],
    [{ podDisruptionBudget: { maxUnavailable: -1 } }, 'podDisruptionBudget.maxUnavailable: (-1)'],
    [{ tolerations: [{ key: 'k', operator: 'Exists', value: 'v' }] }, "tolerations[0].value: ('v')"],
    [{ tolerations: [{ key: 'k', effect: 'NoSchedule', tolerationSeconds: 5 }] }, 'tolerations[0].tolerationSeconds: (5)'],
  ] as Array<[Partial<MoleculeChartProps>, string]>)('rejects %j naming %s', (props, field) => {
    const lines = linesOf(props);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(field);
  });

  it('every issue has a message and a fix', () => {
    const all = issuesOf({ namespace: 'X', replicas: -1, hpa: { minReplicas: 0 }, storageSize: 'x', tolerations: [{ operator: 'Exists', value: 'v' }] });
    expect(all.length).toBe(5);
    for (const i of all) expect([i.message.length > 0, i.fix.length > 0]).toEqual([true, true]);
  });

  it('does not check HPA bounds when the HPA is disabled', () => {
    expect(issuesOf({ hpa: { enabled: false, minReplicas: 9, maxReplicas: 1 } })).toEqual([]);
  });

  it('accepts old 8-digit ids and a PDB percentage', () => {
    expect(issuesOf({ fileSystemId: 'fs-12345678', accessPointId: 'fsap-12345678', podDisruptionBudget: { maxUnavailable: '25%' } })).toEqual([]);
  });
});

describe('boundaries of the section validators', () => {
  const hpa = { ...MOLECULE_DEFAULTS.hpa };
  it.each([
    [{ minReplicas: 1, maxReplicas: 1 }, []],
    [{ minReplicas: 0 }, ['hpa.minReplicas']],
    [{ maxReplicas: 0, minReplicas: 1 }, ['hpa.maxReplicas']],
    [{ minReplicas: 4, maxReplicas: 3 }, ['hpa.minReplicas']],
    [{ minReplicas: 3, maxReplicas: 3 }, []],
    [{ scaleDownStabilizationSeconds: 0 }, []],
    [{ scaleDownStabilizationSeconds: 3600 }, []],
    [{ scaleDownStabilizationSeconds: -1 }, ['hpa.scaleDownStabilizationSeconds']],
    [{ scaleDownStabilizationSeconds: 3601 }, ['hpa.scaleDownStabilizationSeconds']],
    [{ cpuUtilization: 1 }, []],
    [{ cpuUtilization: 0 }, ['hpa.cpuUtilization']],
  ])('hpa %j → %j', (override, paths) => {
    expect(validateMoleculeHpa({ ...hpa, ...override }).map((i) => i.path)).toEqual(paths);
  });

  it.each([
    [1, []],
    [65535, []],
    [0, ['service.port']],
    [65536, ['service.port']],
  ])('service.port %d → %j', (port, paths) => {
    expect(validateMoleculeService({ ...MOLECULE_DEFAULTS.service, port }).map((i) => i.path)).toEqual(paths);
  });

  it('a request equal to its limit passes; one unit above is refused on the limit', () => {
    const r = MOLECULE_DEFAULTS.resources;
    expect(validateMoleculeResources({ ...r, cpuRequest: '1000m', cpuLimit: '1' })).toEqual([]);
    expect(validateMoleculeResources({ ...r, cpuRequest: '1001m', cpuLimit: '1' })).toEqual([
      { path: 'resources.cpuLimit', value: '1', message: 'is below the cpu request (1001m)', fix: 'raise the limit: Kubernetes rejects a request above its limit' },
    ]);
  });

  it('the defaults are frozen', () => {
    expect(Object.isFrozen(MOLECULE_DEFAULTS)).toBe(true);
    expect(Object.isFrozen(MOLECULE_DEFAULTS.hpa)).toBe(true);
    expect(Object.isFrozen(MOLECULE_DEFAULTS.storage.mountOptions)).toBe(true);
  });
});

describe('parseQuantity', () => {
  it.each([
    ['500m', 0.5],
    ['1', 1],
    ['1.5', 1.5],
    ['1024Mi', 1024 * 2 ** 20],
    ['1Gi', 2 ** 30],
    ['1G', 1e9],
    ['1e3', 1000],
    ['128974848', 128974848],
  ])('%s is %d', (q, n) => {
    expect(parseQuantity(q)).toBeCloseTo(n);
  });

  it.each(['', 'lots', '5 GB', '1Gb', 'Mi'])('%j is not a quantity', (q) => {
    expect(parseQuantity(q)).toBeUndefined();
  });
});
