import { Token } from 'cdktf';
import { ResolvedMoleculeProps } from './molecule-props';
import { isIpv6CidrNotation, parseCidr, parseQuantity } from '@boomi-eks/primitives';

const FS_ID = /^fs-[0-9a-f]{8,17}$/;
const FSAP_ID = /^fsap-[0-9a-f]{8,17}$/;
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/;
const IMAGE_TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const PERCENT = /^(\d{1,3})%$/;
const DIGEST = /^sha256:[0-9a-f]{64}$/;
/** An IPv4 block (host bits allowed, as Kubernetes allows them in ipBlock and loadBalancerSourceRanges) or IPv6 CIDR notation. */
const isCidr = (text: string): boolean => parseCidr(text, { allowHostBits: true }) !== undefined || isIpv6CidrNotation(text);

/**
 * Every problem of the props that the chart alone can see, one message each in
 * the shape `'<field>' (<value>) must …: <fix>`. Values that are cdktf tokens
 * (known only at apply time) skip their format checks. Empty when all is well.
 */
export function moleculePropsErrors(p: ResolvedMoleculeProps): string[] {
  const errors: string[] = [];
  const fail = (field: string, value: unknown, rule: string) => errors.push(`'${field}' (${show(value)}) ${rule}`);
  const known = (v: unknown) => !Token.isUnresolved(v);
  const int = (field: string, v: number, min: number, max = Number.MAX_SAFE_INTEGER) => {
    if (known(v) && (!Number.isInteger(v) || v < min || v > max)) {
      fail(field, v, max === Number.MAX_SAFE_INTEGER ? `must be an integer ≥ ${min}` : `must be an integer in ${min}..${max}`);
    }
  };

  if (known(p.fileSystemId) && !FS_ID.test(p.fileSystemId)) {
    fail('fileSystemId', p.fileSystemId, 'must be an EFS file system id like fs-0123456789abcdef0: pass the file system id, not its ARN or DNS name');
  }
  if (known(p.accessPointId) && !FSAP_ID.test(p.accessPointId)) {
    fail('accessPointId', p.accessPointId, 'must be an EFS access point id like fsap-0123456789abcdef0: pass the access point id, not its ARN');
  }
  if (known(p.namespace) && !DNS_LABEL.test(p.namespace)) {
    fail('namespace', p.namespace, 'must be a DNS-1123 label (lower-case letters, digits, -; at most 63 characters)');
  }
  if (known(p.secretName) && !DNS_SUBDOMAIN.test(p.secretName)) {
    fail('secretName', p.secretName, 'must be a DNS-1123 subdomain (lower-case letters, digits, - and .)');
  }
  if (p.name !== undefined && known(p.name) && !DNS_LABEL.test(p.name)) {
    fail('name', p.name, "must be a DNS-1123 label such as 'team-a' (lower-case letters, digits, -): it prefixes the StorageClass and PV names");
  }
  for (const key of ['storageClassName', 'persistentVolumeName', 'persistentVolumeClaimName'] as const) {
    const v = p.storage[key];
    if (known(v) && !DNS_SUBDOMAIN.test(v)) fail(`storage.${key}`, v, 'must be a DNS-1123 subdomain (lower-case letters, digits, - and .)');
  }
  p.storage.mountOptions.forEach((o, i) => {
    if (known(o) && (o.trim() === '' || /[\s,]/.test(o))) {
      fail(`storage.mountOptions[${i}]`, o, "must be one mount option without spaces or commas, such as 'tls' or 'iam': give one option per list item");
    }
  });
  if (known(p.storageSize) && !((parseQuantity(p.storageSize) ?? 0) > 0)) {
    fail('storageSize', p.storageSize, "must be a positive Kubernetes quantity such as '5Gi'");
  }
  if (known(p.image.repository) && p.image.repository.trim() === '') fail('image.repository', p.image.repository, 'must not be empty');
  if (known(p.image.tag) && !IMAGE_TAG.test(p.image.tag)) {
    fail('image.tag', p.image.tag, "must be a Docker tag (letters, digits, _ . -; at most 128 characters), such as 'release'");
  }
  if (p.image.digest !== undefined && known(p.image.digest) && !DIGEST.test(p.image.digest)) {
    fail('image.digest', p.image.digest, "must be a content digest such as 'sha256:' followed by 64 hex digits (docker buildx imagetools inspect <image>)");
  }
  int('security.runAsUser', p.security.runAsUser, 1);
  int('security.runAsGroup', p.security.runAsGroup, 1);
  const np = p.networkPolicy;
  if (np.enabled) {
    const cidrs = (field: string, list: readonly string[]) =>
      list.forEach((cidr, i) => {
        if (known(cidr) && !isCidr(cidr)) fail(`${field}[${i}]`, cidr, "must be a CIDR such as '10.100.0.0/16'");
      });
    cidrs('networkPolicy.clusterCidrs', np.clusterCidrs);
    cidrs('networkPolicy.platformCidrs', np.platformCidrs);
    np.extraEgress.forEach((r, i) => {
      if (known(r.cidr) && !isCidr(r.cidr)) fail(`networkPolicy.extraEgress[${i}].cidr`, r.cidr, "must be a CIDR such as '203.0.113.10/32'");
      if (r.ports.length === 0) fail(`networkPolicy.extraEgress[${i}].ports`, '[]', 'must list at least one port: an empty list would allow every port');
      r.ports.forEach((port, j) => int(`networkPolicy.extraEgress[${i}].ports[${j}].port`, port.port, 1, 65535));
    });
    np.extraIngress.forEach((r, i) => {
      if (!r.namespace && !r.cidr) {
        fail(`networkPolicy.extraIngress[${i}]`, 'no source', 'must name a namespace or a cidr: a rule without a source admits everyone');
      }
      if (r.cidr !== undefined && known(r.cidr) && !isCidr(r.cidr)) fail(`networkPolicy.extraIngress[${i}].cidr`, r.cidr, "must be a CIDR such as '10.100.0.0/16'");
      int(`networkPolicy.extraIngress[${i}].port`, r.port, 1, 65535);
    });
  }
  if (known(p.atomName) && p.atomName.trim() === '') fail('atomName', p.atomName, 'must not be empty');
  if (known(p.platformUrl) && !/^https?:\/\/\S+$/.test(p.platformUrl)) {
    fail('platformUrl', p.platformUrl, "must be an http(s) URL such as 'https://platform.boomi.com'");
  }
  int('replicas', p.replicas, 0);
  int('terminationGracePeriodSeconds', p.terminationGracePeriodSeconds, 0);

  for (const kind of ['cpu', 'memory'] as const) {
    const reqField = `resources.${kind}Request`;
    const limField = `resources.${kind}Limit`;
    const req = p.resources[`${kind}Request`];
    const lim = p.resources[`${kind}Limit`];
    const reqN = known(req) ? parseQuantity(req) : undefined;
    const limN = known(lim) ? parseQuantity(lim) : undefined;
    if (known(req) && !(reqN !== undefined && reqN > 0)) fail(reqField, req, 'must be a positive Kubernetes quantity');
    if (known(lim) && !(limN !== undefined && limN > 0)) fail(limField, lim, 'must be a positive Kubernetes quantity');
    if (reqN !== undefined && limN !== undefined && reqN > limN) {
      errors.push(`'${reqField}' (${req}) must be ≤ '${limField}' (${lim}): Kubernetes rejects a request above its limit`);
    }
  }

  int('probes.startupFailureThreshold', p.probes.startupFailureThreshold, 1);
  int('probes.readinessPeriodSeconds', p.probes.readinessPeriodSeconds, 1);
  int('probes.readinessInitialDelaySeconds', p.probes.readinessInitialDelaySeconds, 0);
  int('probes.livenessPeriodSeconds', p.probes.livenessPeriodSeconds, 1);

  int('service.port', p.service.port, 1, 65535);
  int('service.targetPort', p.service.targetPort, 1, 65535);
  p.service.sourceRanges.forEach((cidr, i) => {
    if (known(cidr) && !isCidr(cidr)) fail(`service.sourceRanges[${i}]`, cidr, "must be a CIDR such as '203.0.113.0/24'");
  });

  if (p.hpa.enabled) {
    int('hpa.minReplicas', p.hpa.minReplicas, 1);
    int('hpa.maxReplicas', p.hpa.maxReplicas, 1);
    if (known(p.hpa.minReplicas) && known(p.hpa.maxReplicas) && p.hpa.minReplicas > p.hpa.maxReplicas) {
      errors.push(`'hpa.minReplicas' (${p.hpa.minReplicas}) must be ≤ 'hpa.maxReplicas' (${p.hpa.maxReplicas}): lower the minimum or raise the maximum`);
    }
    int('hpa.cpuUtilization', p.hpa.cpuUtilization, 1);
    int('hpa.memoryUtilization', p.hpa.memoryUtilization, 1);
    int('hpa.scaleDownStabilizationSeconds', p.hpa.scaleDownStabilizationSeconds, 0, 3600);
  }

  const maxUnavailable = p.podDisruptionBudget.maxUnavailable;
  if (p.podDisruptionBudget.enabled && known(maxUnavailable)) {
    const pct = typeof maxUnavailable === 'string' ? PERCENT.exec(maxUnavailable) : null;
    const ok = typeof maxUnavailable === 'number' ? Number.isInteger(maxUnavailable) && maxUnavailable >= 0 : !!pct && Number(pct[1]) <= 100;
    if (!ok) fail('podDisruptionBudget.maxUnavailable', maxUnavailable, "must be an integer ≥ 0 or a percentage such as '25%'");
  }

  Object.entries(p.podAnnotations ?? {}).forEach(([key, value]) => {
    if (typeof value !== 'string') fail(`podAnnotations['${key}']`, value, 'must be a string (annotation values are strings: "true", not true)');
  });

  (p.tolerations ?? []).forEach((t, i) => {
    if (t.operator === 'Exists' && t.value !== undefined && t.value !== '') {
      fail(`tolerations[${i}].value`, t.value, "must be empty when operator is 'Exists': drop the value or use 'Equal'");
    }
    if (t.tolerationSeconds !== undefined && t.effect !== 'NoExecute') {
      fail(`tolerations[${i}].tolerationSeconds`, t.tolerationSeconds, "only applies to effect 'NoExecute'");
    }
  });
  return errors;
}

/** Throws one error listing every problem of {@link moleculePropsErrors}, if any. */
export function validateMoleculeProps(p: ResolvedMoleculeProps): void {
  const errors = moleculePropsErrors(p);
  if (errors.length > 0) {
    throw new Error(`MoleculeChart: ${errors.length} invalid prop(s):\n  - ${errors.join('\n  - ')}`);
  }
}

function show(value: unknown): string {
  return typeof value === 'string' ? (value === '' ? "''" : value) : String(value);
}
