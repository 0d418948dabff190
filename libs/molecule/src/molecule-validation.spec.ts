import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { AP_ID, FS_ID, renderMolecule } from '../test/molecule-fixtures';
import { MoleculeChartProps, resolveMoleculeProps } from './molecule-props';
import { moleculePropsErrors } from './molecule-validation';

const errorsOf = (props: Partial<MoleculeChartProps>) =>
  moleculePropsErrors(resolveMoleculeProps({ fileSystemId: FS_ID, accessPointId: AP_ID, ...props }));

describe('molecule props validation', () => {
  it('accepts the defaults', () => {
    expect(errorsOf({})).toEqual([]);
  });

  it('minReplicas above maxReplicas names both fields and values', () => {
    expect(() => renderMolecule({ hpa: { minReplicas: 5, maxReplicas: 3 } })).toThrow(
      "'hpa.minReplicas' (5) must be ≤ 'hpa.maxReplicas' (3)",
    );
  });

  it('reports every problem at once', () => {
    const run = () => renderMolecule({ fileSystemId: 'efs-123', accessPointId: 'ap-1', replicas: -1, service: { port: 70000 } });
    expect(run).toThrow(/4 invalid prop/);
    expect(run).toThrow(/'fileSystemId' \(efs-123\) must be an EFS file system id/);
    expect(run).toThrow(/'accessPointId' \(ap-1\) must be an EFS access point id/);
    expect(run).toThrow(/'replicas' \(-1\) must be an integer ≥ 0/);
    expect(run).toThrow(/'service.port' \(70000\) must be an integer in 1..65535/);
  });

  it('skips the id format checks for cdktf tokens', () => {
    const stack = new TerraformStack(Testing.app(), 'tokens');
    const fs = new TerraformVariable(stack, 'fs', { type: 'string' }).stringValue;
    const ap = new TerraformVariable(stack, 'ap', { type: 'string' }).stringValue;
    const { one } = renderMolecule({ fileSystemId: fs, accessPointId: ap });
    expect(one('PersistentVolume').spec.csi.volumeHandle).toBe(`${fs}::${ap}`);
  });

  it.each([
    [{ namespace: 'Boomi_NS' }, "'namespace' (Boomi_NS)"],
    [{ secretName: 'Boomi Secret' }, "'secretName' (Boomi Secret)"],
    [{ storageSize: '5 GB' }, "'storageSize' (5 GB)"],
    [{ image: { tag: 'release:latest' } }, "'image.tag' (release:latest)"],
    [{ image: { repository: ' ' } }, "'image.repository'"],
    [{ atomName: '' }, "'atomName' ('')"],
    [{ platformUrl: 'starlord.sandbox.boomi.com' }, "'platformUrl' (starlord.sandbox.boomi.com)"],
    [{ terminationGracePeriodSeconds: 1.5 }, "'terminationGracePeriodSeconds' (1.5)"],
    [{ resources: { cpuRequest: 'lots' } }, "'resources.cpuRequest' (lots)"],
    [{ resources: { memoryRequest: '2Gi' } }, "'resources.memoryRequest' (2Gi) must be ≤ 'resources.memoryLimit' (1536Mi)"],
    [{ resources: { cpuRequest: '2' } }, "'resources.cpuRequest' (2) must be ≤ 'resources.cpuLimit' (1000m)"],
    [{ probes: { startupFailureThreshold: 0 } }, "'probes.startupFailureThreshold' (0)"],
    [{ probes: { readinessPeriodSeconds: 0 } }, "'probes.readinessPeriodSeconds' (0)"],
    [{ probes: { readinessInitialDelaySeconds: -1 } }, "'probes.readinessInitialDelaySeconds' (-1)"],
    [{ probes: { livenessPeriodSeconds: 0 } }, "'probes.livenessPeriodSeconds' (0)"],
    [{ service: { targetPort: 0 } }, "'service.targetPort' (0)"],
    [{ service: { sourceRanges: ['10.0.0.0/8', 'office'] } }, "'service.sourceRanges[1]' (office)"],
    [{ hpa: { minReplicas: 0 } }, "'hpa.minReplicas' (0)"],
    [{ hpa: { cpuUtilization: 0 } }, "'hpa.cpuUtilization' (0)"],
    [{ hpa: { memoryUtilization: 12.5 } }, "'hpa.memoryUtilization' (12.5)"],
    [{ hpa: { scaleDownStabilizationSeconds: 3601 } }, "'hpa.scaleDownStabilizationSeconds' (3601) must be an integer in 0..3600"],
    [{ podDisruptionBudget: { maxUnavailable: '150%' } }, "'podDisruptionBudget.maxUnavailable' (150%)"],
    [{ podDisruptionBudget: { maxUnavailable: -1 } }, "'podDisruptionBudget.maxUnavailable' (-1)"],
    [{ tolerations: [{ key: 'k', operator: 'Exists', value: 'v' }] }, "'tolerations[0].value' (v)"],
    [{ tolerations: [{ key: 'k', effect: 'NoSchedule', tolerationSeconds: 5 }] }, "'tolerations[0].tolerationSeconds' (5)"],
  ] as Array<[Partial<MoleculeChartProps>, string]>)('rejects %j naming %s', (props, field) => {
    const errors = errorsOf(props);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(field);
  });

  it('does not check HPA bounds when the HPA is disabled', () => {
    expect(errorsOf({ hpa: { enabled: false, minReplicas: 9, maxReplicas: 1 } })).toEqual([]);
  });

  it('accepts old 8-digit ids and a PDB percentage', () => {
    expect(errorsOf({ fileSystemId: 'fs-12345678', accessPointId: 'fsap-12345678', podDisruptionBudget: { maxUnavailable: '25%' } })).toEqual([]);
  });
});
