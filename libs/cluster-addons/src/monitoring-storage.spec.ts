import { InvalidPropsError } from '@boomi-eks/primitives';
import { encryptedGp3StorageClass, monitoringValues, prometheusRetentionSize, prometheusVolumeGiB, quantityGiB, retentionDays } from './index';

describe('monitoring volume sizing', () => {
  it('refuses a retention or a size it cannot read, in the shared issue shape', () => {
    expect(() => retentionDays('10 days')).toThrow(InvalidPropsError);
    expect(() => retentionDays('10 days')).toThrow("retention: ('10 days') must be a Prometheus duration: write it such as '10d' or '4w'");
    expect(() => quantityGiB('25G')).toThrow("storage: ('25G') must be a volume size in Mi, Gi or Ti");
  });

  it('reads retention durations', () => {
    expect(retentionDays('10d')).toBe(10);
    expect(retentionDays('4w')).toBe(28);
    expect(retentionDays('1y')).toBe(365);
    expect(retentionDays('48h')).toBe(2);
    expect(() => retentionDays('10 days')).toThrow(/retention: \('10 days'\)/);
  });

  it('sizes Prometheus for the retention: max(10Gi, days × 2Gi × 1.25)', () => {
    expect(prometheusVolumeGiB('10d')).toBe(25);
    expect(prometheusVolumeGiB('30d')).toBe(75);
    expect(prometheusVolumeGiB('2d')).toBe(10);
  });

  it('keeps size-based retention at 85 % of the volume', () => {
    expect(prometheusRetentionSize(25)).toBe('21GB');
    expect(quantityGiB('1Ti')).toBe(1024);
    expect(quantityGiB('512Mi')).toBe(1);
  });
});

describe('monitoringValues: durable storage (default)', () => {
  const values = monitoringValues({ retention: '10d' }) as Record<string, any>;

  it('creates an encrypted gp3 StorageClass of the EBS CSI driver in the release', () => {
    expect(values.extraManifests).toEqual([encryptedGp3StorageClass()]);
    expect(values.extraManifests[0]).toMatchObject({
      provisioner: 'ebs.csi.aws.com',
      parameters: { type: 'gp3', encrypted: 'true' },
      volumeBindingMode: 'WaitForFirstConsumer',
      reclaimPolicy: 'Retain',
    });
  });

  it('puts Prometheus on a 25Gi claim with size-based retention, keeping its other settings', () => {
    const spec = values.prometheus.prometheusSpec;
    expect(spec.storageSpec.volumeClaimTemplate.spec).toEqual({
      storageClassName: 'gp3-encrypted',
      accessModes: ['ReadWriteOnce'],
      resources: { requests: { storage: '25Gi' } },
    });
    expect(spec.retentionSize).toBe('21GB');
    expect(spec.retention).toBe('10d');
    expect(spec.additionalScrapeConfigs.length).toBeGreaterThan(0);
    expect(spec.resources.requests.memory).toBe('2Gi');
  });

  it('puts Alertmanager on a 2Gi claim', () => {
    expect(values.alertmanager.alertmanagerSpec.storage.volumeClaimTemplate.spec.resources.requests.storage).toBe('2Gi');
    expect(values.alertmanager.alertmanagerSpec.resources).toBeDefined();
  });

  it('takes explicit sizes and the receivers Secret', () => {
    const v = monitoringValues({ storage: { prometheusSize: '100Gi', alertmanagerSize: '5Gi' }, alertmanagerConfigSecret: 'alertmanager-receivers' }) as Record<string, any>;
    expect(v.prometheus.prometheusSpec.storageSpec.volumeClaimTemplate.spec.resources.requests.storage).toBe('100Gi');
    expect(v.alertmanager.alertmanagerSpec.storage.volumeClaimTemplate.spec.resources.requests.storage).toBe('5Gi');
    expect(v.alertmanager.alertmanagerSpec.configSecret).toBe('alertmanager-receivers');
  });

  it('storage off: no StorageClass, no claims (emptyDir)', () => {
    const v = monitoringValues({ storage: { enabled: false } }) as Record<string, any>;
    expect(v.extraManifests).toBeUndefined();
    expect(v.prometheus.prometheusSpec.storageSpec).toBeUndefined();
    expect(v.alertmanager.alertmanagerSpec.storage).toBeUndefined();
  });
});
