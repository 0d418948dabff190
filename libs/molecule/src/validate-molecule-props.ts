/**
 * The Molecule chart's rules, as pure validators: the one owner of every check
 * of {@link MoleculeChartProps}. Each returns `PropsIssue`s (`@boomi-eks/primitives`)
 * with paths relative to the chart's props (`hpa.maxReplicas`); `MoleculeChart`
 * throws them as one `InvalidPropsError`, and `@boomi-eks/config` re-bases the
 * same issues under the environment's paths. No cdktf/cdk8s imports here (lint
 * enforces it): values that are cdktf tokens are skipped through the
 * `isUnresolved` option, which the chart sets to `Token.isUnresolved`.
 */
import { deepFreeze, isIpv6CidrNotation, parseCidr, parseQuantity, type PropsIssue, type ValidateOptions } from '@boomi-eks/primitives';
import type { MoleculeHpa, MoleculeImage, MoleculeProbes, MoleculeSecurity, MoleculeResources, MoleculeService, ResolvedMoleculeProps } from './molecule-props';

export type { ValidateOptions } from '@boomi-eks/primitives';

/** An inclusive range of whole numbers (no `max`: no upper bound). */
export interface IntegerBounds {
  readonly min: number;
  readonly max?: number;
}

const PORT: IntegerBounds = { min: 1, max: 65535 };

/**
 * Bounds of the numeric props (inclusive), as data: the validators check them,
 * and `@boomi-eks/config` shows them in its field reference.
 */
export const MOLECULE_LIMITS = deepFreeze({
  replicas: { min: 0 },
  terminationGracePeriodSeconds: { min: 0 },
  security: { runAsUser: { min: 1 }, runAsGroup: { min: 1 } },
  service: { port: PORT, targetPort: PORT },
  probes: {
    startupFailureThreshold: { min: 1 },
    readinessPeriodSeconds: { min: 1 },
    readinessInitialDelaySeconds: { min: 0 },
    livenessPeriodSeconds: { min: 1 },
  },
  hpa: {
    minReplicas: { min: 1 },
    maxReplicas: { min: 1 },
    cpuUtilization: { min: 1 },
    memoryUtilization: { min: 1 },
    scaleDownStabilizationSeconds: { min: 0, max: 3600 },
  },
  port: PORT,
} satisfies Record<string, IntegerBounds | Record<string, IntegerBounds>>);

const FS_ID = /^fs-[0-9a-f]{8,17}$/;
const FSAP_ID = /^fsap-[0-9a-f]{8,17}$/;
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/;
const IMAGE_TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
/** An IPv4 block (host bits allowed, as Kubernetes allows them in ipBlock and loadBalancerSourceRanges) or IPv6 CIDR notation. */
const isCidr = (text: string): boolean => parseCidr(text, { allowHostBits: true }) !== undefined || isIpv6CidrNotation(text);
const PERCENT = /^(\d{1,3})%$/;
const DIGEST = /^sha256:[0-9a-f]{64}$/;
const DNS_1123_LABEL = 'must be a DNS-1123 label (lower-case letters, digits, -; at most 63 characters)';
const DNS_1123_SUBDOMAIN = 'must be a DNS-1123 subdomain (lower-case letters, digits, - and .)';

/** Collects issues; `known` is false for values to skip (cdktf tokens). */
class Issues {
  readonly list: PropsIssue[] = [];
  constructor(private readonly options: ValidateOptions) {}
  known(value: unknown): boolean {
    return !(this.options.isUnresolved?.(value) ?? false);
  }
  add(path: string, value: unknown, message: string, fix: string): void {
    this.list.push({ path, value, message, fix });
  }
  /** An integer in [min, max] (no max: at least min). */
  int(path: string, value: number, { min, max }: IntegerBounds): void {
    if (!this.known(value) || (Number.isInteger(value) && value >= min && (max === undefined || value <= max))) return;
    if (max === undefined) this.add(path, value, `must be an integer ≥ ${min}`, `use a whole number of at least ${min}`);
    else this.add(path, value, `must be an integer in ${min}..${max}`, `use a whole number from ${min} to ${max}`);
  }
  cidr(path: string, value: string, example: string): void {
    if (this.known(value) && !isCidr(value)) this.add(path, value, 'must be a CIDR block', `write it such as '${example}'`);
  }
}

/** The image's rules (paths `image.*`). */
export function validateMoleculeImage(image: MoleculeImage & { readonly repository: string; readonly tag: string }, options: ValidateOptions = {}): PropsIssue[] {
  const v = new Issues(options);
  if (v.known(image.repository) && image.repository.trim() === '') {
    v.add('image.repository', image.repository, 'must not be empty', "name the image repository, such as 'boomi/molecule'");
  }
  if (v.known(image.tag) && !IMAGE_TAG.test(image.tag)) {
    v.add('image.tag', image.tag, 'must be a Docker tag (letters, digits, _ . -; at most 128 characters)', "use a tag such as 'release'");
  }
  if (image.digest !== undefined && v.known(image.digest) && !DIGEST.test(image.digest)) {
    v.add('image.digest', image.digest, "must be a content digest: 'sha256:' followed by 64 hex digits", 'read it with docker buildx imagetools inspect <image>');
  }
  return v.list;
}

/** The pod's POSIX identity (paths `security.*`): never root (0). */
export function validateMoleculeSecurity(security: Required<MoleculeSecurity>, options: ValidateOptions = {}): PropsIssue[] {
  const v = new Issues(options);
  v.int('security.runAsUser', security.runAsUser, MOLECULE_LIMITS.security.runAsUser);
  v.int('security.runAsGroup', security.runAsGroup, MOLECULE_LIMITS.security.runAsGroup);
  return v.list;
}

/** The HPA's rules (paths `hpa.*`); none when the HPA is disabled. */
export function validateMoleculeHpa(hpa: Required<MoleculeHpa>, options: ValidateOptions = {}): PropsIssue[] {
  const v = new Issues(options);
  if (!hpa.enabled) return v.list;
  const before = v.list.length;
  const L = MOLECULE_LIMITS.hpa;
  v.int('hpa.minReplicas', hpa.minReplicas, L.minReplicas);
  v.int('hpa.maxReplicas', hpa.maxReplicas, L.maxReplicas);
  // Compared only when both are valid counts: a bad bound is reported once, by its own check.
  if (v.list.length === before && v.known(hpa.minReplicas) && v.known(hpa.maxReplicas) && hpa.minReplicas > hpa.maxReplicas) {
    v.add('hpa.minReplicas', hpa.minReplicas, `is greater than hpa.maxReplicas (${hpa.maxReplicas})`, 'lower minReplicas or raise maxReplicas');
  }
  v.int('hpa.cpuUtilization', hpa.cpuUtilization, L.cpuUtilization);
  v.int('hpa.memoryUtilization', hpa.memoryUtilization, L.memoryUtilization);
  v.int('hpa.scaleDownStabilizationSeconds', hpa.scaleDownStabilizationSeconds, L.scaleDownStabilizationSeconds);
  return v.list;
}

/** The probes' rules (paths `probes.*`). */
export function validateMoleculeProbes(probes: Required<MoleculeProbes>, options: ValidateOptions = {}): PropsIssue[] {
  const v = new Issues(options);
  for (const key of ['startupFailureThreshold', 'readinessPeriodSeconds', 'readinessInitialDelaySeconds', 'livenessPeriodSeconds'] as const) {
    v.int(`probes.${key}`, probes[key], MOLECULE_LIMITS.probes[key]);
  }
  return v.list;
}

/** The Service's rules (paths `service.*`). */
export function validateMoleculeService(service: Required<MoleculeService>, options: ValidateOptions = {}): PropsIssue[] {
  const v = new Issues(options);
  v.int('service.port', service.port, MOLECULE_LIMITS.service.port);
  v.int('service.targetPort', service.targetPort, MOLECULE_LIMITS.service.targetPort);
  service.sourceRanges.forEach((cidr, i) => v.cidr(`service.sourceRanges[${i}]`, cidr, '203.0.113.0/24'));
  return v.list;
}

/**
 * The container resources' rules (paths `resources.*`): positive quantities,
 * and a request never above its limit (reported on the limit).
 */
export function validateMoleculeResources(resources: Required<MoleculeResources>, options: ValidateOptions = {}): PropsIssue[] {
  const v = new Issues(options);
  for (const kind of ['cpu', 'memory'] as const) {
    const reqField = `resources.${kind}Request`;
    const limField = `resources.${kind}Limit`;
    const req = resources[`${kind}Request`];
    const lim = resources[`${kind}Limit`];
    const reqN = v.known(req) ? parseQuantity(req) : undefined;
    const limN = v.known(lim) ? parseQuantity(lim) : undefined;
    const example = kind === 'cpu' ? "'500m' or '2'" : "'1024Mi' or '2Gi'";
    if (v.known(req) && !(reqN !== undefined && reqN > 0)) v.add(reqField, req, 'must be a positive Kubernetes quantity', `write it such as ${example}`);
    if (v.known(lim) && !(limN !== undefined && limN > 0)) v.add(limField, lim, 'must be a positive Kubernetes quantity', `write it such as ${example}`);
    if (reqN !== undefined && limN !== undefined && reqN > limN && reqN > 0 && limN > 0) {
      v.add(limField, lim, `is below the ${kind} request (${req})`, 'raise the limit: Kubernetes rejects a request above its limit');
    }
  }
  return v.list;
}

/**
 * Every problem of the props that the chart alone can see, all at once (paths
 * relative to the props, e.g. `hpa.maxReplicas`). Empty when all is well.
 */
export function validateMoleculeProps(p: ResolvedMoleculeProps, options: ValidateOptions = {}): PropsIssue[] {
  const v = new Issues(options);
  const known = (x: unknown): boolean => v.known(x);

  if (known(p.fileSystemId) && !FS_ID.test(p.fileSystemId)) {
    v.add('fileSystemId', p.fileSystemId, 'must be an EFS file system id like fs-0123456789abcdef0', 'pass the file system id, not its ARN or DNS name');
  }
  if (known(p.accessPointId) && !FSAP_ID.test(p.accessPointId)) {
    v.add('accessPointId', p.accessPointId, 'must be an EFS access point id like fsap-0123456789abcdef0', 'pass the access point id, not its ARN');
  }
  if (known(p.namespace) && !DNS_LABEL.test(p.namespace)) v.add('namespace', p.namespace, DNS_1123_LABEL, "use a name such as 'boomi'");
  if (known(p.secretName) && !DNS_SUBDOMAIN.test(p.secretName)) v.add('secretName', p.secretName, DNS_1123_SUBDOMAIN, "use a name such as 'boomi-secret'");
  if (p.name !== undefined && known(p.name) && !DNS_LABEL.test(p.name)) {
    v.add('name', p.name, "must be a DNS-1123 label such as 'team-a' (lower-case letters, digits, -)", 'rename it: it prefixes the StorageClass and PV names');
  }
  for (const key of ['storageClassName', 'persistentVolumeName', 'persistentVolumeClaimName'] as const) {
    const name = p.storage[key];
    if (known(name) && !DNS_SUBDOMAIN.test(name)) v.add(`storage.${key}`, name, DNS_1123_SUBDOMAIN, "use a name such as 'efs-sc'");
  }
  p.storage.mountOptions.forEach((o, i) => {
    if (known(o) && (o.trim() === '' || /[\s,]/.test(o))) {
      v.add(`storage.mountOptions[${i}]`, o, "must be one mount option without spaces or commas, such as 'tls' or 'iam'", 'give one option per list item');
    }
  });
  if (known(p.storageSize) && !((parseQuantity(p.storageSize) ?? 0) > 0)) {
    v.add('storageSize', p.storageSize, 'must be a positive Kubernetes quantity', "write it such as '5Gi'");
  }
  v.list.push(...validateMoleculeImage(p.image, options));
  v.list.push(...validateMoleculeSecurity(p.security, options));

  const np = p.networkPolicy;
  if (np.enabled) {
    np.clusterCidrs.forEach((c, i) => v.cidr(`networkPolicy.clusterCidrs[${i}]`, c, '10.100.0.0/16'));
    np.platformCidrs.forEach((c, i) => v.cidr(`networkPolicy.platformCidrs[${i}]`, c, '10.100.0.0/16'));
    np.extraEgress.forEach((r, i) => {
      v.cidr(`networkPolicy.extraEgress[${i}].cidr`, r.cidr, '203.0.113.10/32');
      if (r.ports.length === 0) {
        v.add(`networkPolicy.extraEgress[${i}].ports`, r.ports, 'must list at least one port', 'list the ports to allow: an empty list would allow every port');
      }
      r.ports.forEach((port, j) => v.int(`networkPolicy.extraEgress[${i}].ports[${j}].port`, port.port, MOLECULE_LIMITS.port));
    });
    np.extraIngress.forEach((r, i) => {
      if (!r.namespace && !r.cidr) {
        v.add(`networkPolicy.extraIngress[${i}]`, r, 'must name a namespace or a cidr', 'add one: a rule without a source admits everyone');
      }
      if (r.cidr !== undefined) v.cidr(`networkPolicy.extraIngress[${i}].cidr`, r.cidr, '10.100.0.0/16');
      v.int(`networkPolicy.extraIngress[${i}].port`, r.port, MOLECULE_LIMITS.port);
    });
  }
  if (known(p.atomName) && p.atomName.trim() === '') v.add('atomName', p.atomName, 'must not be empty', "name the Atom, such as 'boomi-molecule-eks'");
  if (known(p.platformUrl) && !/^https?:\/\/\S+$/.test(p.platformUrl)) {
    v.add('platformUrl', p.platformUrl, 'must be an http(s) URL', "use your platform's, such as 'https://platform.boomi.com'");
  }
  v.int('replicas', p.replicas, MOLECULE_LIMITS.replicas);
  v.int('terminationGracePeriodSeconds', p.terminationGracePeriodSeconds, MOLECULE_LIMITS.terminationGracePeriodSeconds);

  v.list.push(
    ...validateMoleculeResources(p.resources, options),
    ...validateMoleculeProbes(p.probes, options),
    ...validateMoleculeService(p.service, options),
    ...validateMoleculeHpa(p.hpa, options),
  );

  const maxUnavailable = p.podDisruptionBudget.maxUnavailable;
  if (p.podDisruptionBudget.enabled && known(maxUnavailable)) {
    const pct = typeof maxUnavailable === 'string' ? PERCENT.exec(maxUnavailable) : null;
    const ok = typeof maxUnavailable === 'number' ? Number.isInteger(maxUnavailable) && maxUnavailable >= 0 : !!pct && Number(pct[1]) <= 100;
    if (!ok) v.add('podDisruptionBudget.maxUnavailable', maxUnavailable, 'must be an integer ≥ 0 or a percentage', "use a count such as 1 or a share such as '25%'");
  }
  Object.entries(p.podAnnotations ?? {}).forEach(([key, value]) => {
    if (typeof value !== 'string') v.add(`podAnnotations['${key}']`, value, 'must be a string', 'annotation values are strings: write "true", not true');
  });
  (p.tolerations ?? []).forEach((t, i) => {
    if (t.operator === 'Exists' && t.value !== undefined && t.value !== '') {
      v.add(`tolerations[${i}].value`, t.value, "must be empty when operator is 'Exists'", "drop the value or use 'Equal'");
    }
    if (t.tolerationSeconds !== undefined && t.effect !== 'NoExecute') {
      v.add(`tolerations[${i}].tolerationSeconds`, t.tolerationSeconds, "only applies to effect 'NoExecute'", "drop it or set effect 'NoExecute'");
    }
  });
  return v.list;
}
