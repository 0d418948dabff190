/**
 * Durable monitoring data (issue 17): an encrypted gp3 StorageClass of the
 * EBS CSI driver and volume sizes that follow the retention. Pure functions.
 */
import { throwIfIssues } from '@boomi-eks/primitives';

/** The StorageClass Prometheus and Alertmanager claim their volumes from. */
export const ENCRYPTED_GP3_STORAGE_CLASS = 'gp3-encrypted';

/**
 * What Prometheus writes per day of retention, with room to grow: ~1-2 bytes
 * per sample after compression, so 2 GiB/day holds about 500k active series
 * scraped every 30 s (a cluster of this size has well under 100k).
 */
export const PROMETHEUS_GIB_PER_DAY = 2;
/** Headroom over the retained blocks (WAL, compaction, growth). */
export const PROMETHEUS_VOLUME_HEADROOM = 1.25;
/** Smallest Prometheus volume. */
export const PROMETHEUS_MIN_GIB = 10;

/** Days in a Prometheus retention such as '12h', '10d', '4w', '1y'. */
export function retentionDays(retention: string): number {
  const m = /^(\d+)(h|d|w|y)$/.exec(retention);
  if (!m) throwIfIssues('Monitoring', [{ path: 'retention', value: retention, message: 'must be a Prometheus duration', fix: "write it such as '10d' or '4w'" }]);
  const n = Number(m![1]);
  return { h: n / 24, d: n, w: n * 7, y: n * 365 }[m![2] as 'h' | 'd' | 'w' | 'y'];
}

/** The Prometheus volume for a retention: max(10Gi, days × 2Gi × 1.25), whole GiB. */
export function prometheusVolumeGiB(retention: string): number {
  return Math.max(PROMETHEUS_MIN_GIB, Math.ceil(retentionDays(retention) * PROMETHEUS_GIB_PER_DAY * PROMETHEUS_VOLUME_HEADROOM));
}

/** GiB in a quantity such as '25Gi' or '1Ti' (Mi rounds up). */
export function quantityGiB(quantity: string): number {
  const m = /^(\d+)(Mi|Gi|Ti)$/.exec(quantity);
  if (!m) throwIfIssues('Monitoring', [{ path: 'storage', value: quantity, message: 'must be a volume size in Mi, Gi or Ti', fix: "write it such as '25Gi'" }]);
  const n = Number(m![1]);
  return m![2] === 'Ti' ? n * 1024 : m![2] === 'Gi' ? n : Math.ceil(n / 1024);
}

/**
 * Prometheus `retentionSize` for a volume: 85 % of it (Prometheus's GB are
 * GiB), so size-based retention deletes the oldest blocks before the volume
 * fills, even if the series count outgrows the per-day estimate.
 */
export function prometheusRetentionSize(volumeGiB: number): string {
  return `${Math.floor(volumeGiB * 0.85)}GB`;
}

/**
 * The StorageClass (EBS CSI driver): gp3, encrypted (the account's EBS key),
 * bound when the pod is scheduled (the volume is created in the pod's AZ),
 * expandable, and kept when the claim is deleted (monitoring history survives
 * a reinstall; delete the volume by hand).
 */
export function encryptedGp3StorageClass(name: string = ENCRYPTED_GP3_STORAGE_CLASS): Record<string, unknown> {
  return {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { name },
    provisioner: 'ebs.csi.aws.com',
    parameters: { type: 'gp3', encrypted: 'true', 'csi.storage.k8s.io/fstype': 'ext4' },
    reclaimPolicy: 'Retain',
    volumeBindingMode: 'WaitForFirstConsumer',
    allowVolumeExpansion: true,
  };
}

/** A volumeClaimTemplate of the Prometheus Operator's `storageSpec`. */
export function volumeClaimTemplate(storageClassName: string, sizeGiB: number): Record<string, unknown> {
  return {
    volumeClaimTemplate: {
      spec: { storageClassName, accessModes: ['ReadWriteOnce'], resources: { requests: { storage: `${sizeGiB}Gi` } } },
    },
  };
}
