import { renderMolecule } from '../test/molecule-fixtures';
import { validateKubernetesObject, VALIDATED_KINDS } from '@boomi-eks/testing';

// Every object of every variant goes through @kubernetes-models/validate
// (the Kubernetes API schemas, through kubernetes-models; see libs/testing/src/kubernetes-validate.ts).
const variants = {
  defaults: {},
  installerToken: { authKind: 'installerToken' as const },
  internalRestricted: { service: { scheme: 'internal' as const, sourceRanges: ['10.0.0.0/8', '2001:db8::/32'] } },
  noScaleDown: { hpa: { scaleDownEnabled: false }, podDisruptionBudget: { maxUnavailable: '25%' } },
  restrictedNetwork: { networkPolicy: { clusterCidrs: ['10.100.0.0/16'], extraEgress: [{ cidr: '192.0.2.10/32', ports: [{ port: 5432 }] }], extraIngress: [{ namespace: 'monitoring', port: 9404 }] } },
  pinned: { image: { digest: `sha256:${'0'.repeat(64)}` }, topologySpread: { zone: 'ScheduleAnyway' as const } },
  scheduled: {
    tmpfsMedium: 'Disk' as const,
    nodeSelector: { pool: 'molecule' },
    tolerations: [{ key: 'dedicated', operator: 'Equal' as const, value: 'molecule', effect: 'NoExecute' as const, tolerationSeconds: 30 }],
  },
};

describe('Kubernetes schema validation of the chart', () => {
  it('has a validator for every kind the chart renders', () => {
    const kinds = renderMolecule().objects.map((o) => `${o.apiVersion}/${o.kind}`);
    expect(VALIDATED_KINDS).toEqual(expect.arrayContaining(kinds));
  });

  for (const [name, props] of Object.entries(variants)) {
    it(`${name}: every object is valid`, () => {
      const { objects } = renderMolecule(props);
      expect(objects.length).toBeGreaterThanOrEqual(7);
      for (const o of objects) expect(() => validateKubernetesObject(o)).not.toThrow();
    });
  }

  it('catches what the API server would reject (so the checks are not vacuous)', () => {
    const { one } = renderMolecule();
    const ss = one('StatefulSet');
    const container = ss.spec.template.spec.containers[0];
    const broken = {
      ...ss,
      spec: { ...ss.spec, template: { ...ss.spec.template, spec: { ...ss.spec.template.spec, containers: [{ ...container, resources: { limits: { cpu: 'one core' } } }] } } },
    };
    expect(() => validateKubernetesObject(broken)).toThrow(/resources\/limits\/cpu/);
    const pv = one('PersistentVolume');
    expect(() => validateKubernetesObject({ ...pv, spec: { ...pv.spec, accessModes: 'ReadWriteMany' } })).toThrow(/accessModes/);
    expect(() => validateKubernetesObject({ ...one('HorizontalPodAutoscaler'), apiVersion: 'autoscaling/v1' })).toThrow('no validator for autoscaling/v1/HorizontalPodAutoscaler');
    const svc = one('Service');
    expect(() => validateKubernetesObject({ ...svc, spec: { ...svc.spec, ports: [{ port: '80' }] } })).toThrow(/ports\/0\/port/);
  });
});
