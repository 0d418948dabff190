/**
 * What an environment costs per month, estimated from its synthesized
 * Terraform JSON and the pinned price table (pricing.ts), at the minimum and
 * the maximum scale: node groups at min_size and max_size, NAT gateways and
 * their public IPv4 addresses, the EKS control plane (standard support; extended
 * support at the maximum when `upgrade_policy.support_type` allows it), EFS at
 * the storage the PersistentVolumeClaims request, the NLB of each Service of type
 * LoadBalancer, KMS keys. Usage-based items (NAT data, log ingestion, NLCUs)
 * are listed with their unit price and left out of the totals. Pure and offline.
 */
import { valueAt } from './replacements';
import { PRICE_TABLE, type PriceTable, type RegionPrices } from './pricing';
import type { CostLine, CostReview, EnvironmentCost, EnvironmentCostChange, StackJson } from './types';

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `prod-cluster` → `prod`; a stack id without `-` is its own environment. */
export function environmentOf(stackId: string): string {
  const i = stackId.lastIndexOf('-');
  return i > 0 ? stackId.slice(0, i) : stackId;
}

/** The literal region of a stack's AWS provider, if it has one. */
function regionOf(stack: StackJson): string | undefined {
  const p = valueAt(stack, 'provider.aws');
  const region = valueAt(Array.isArray(p) ? p[0] : p, 'region');
  return typeof region === 'string' && !region.includes('${') ? region : undefined;
}

function resources(stack: StackJson, type: string): [string, Record<string, unknown>][] {
  const byName = valueAt(stack, `resource.${type}`);
  return isObject(byName) ? Object.entries(byName).filter((e): e is [string, Record<string, unknown>] => isObject(e[1])) : [];
}

const num = (v: unknown, fallback: number) => (typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : fallback);

/** `5Gi` → 5, `500Mi` → 0.49, `1Ti` → 1024 (GiB, which AWS bills as GB). */
export function gibibytes(quantity: unknown): number {
  const m = typeof quantity === 'string' ? /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|Ti|K|M|G|T)?$/.exec(quantity.trim()) : null;
  if (!m) return 0;
  const scale: Record<string, number> = { Ki: 2 ** -20, Mi: 2 ** -10, Gi: 1, Ti: 1024, K: 1e3 / 2 ** 30, M: 1e6 / 2 ** 30, G: 1e9 / 2 ** 30, T: 1e12 / 2 ** 30 };
  return Number(m[1]) * (m[2] ? scale[m[2]] : 1 / 2 ** 30);
}

export function money(usd: number): string {
  const abs = Math.abs(usd);
  const text = abs >= 100 ? Math.round(abs).toLocaleString('en-US') : abs.toFixed(2);
  return `${usd < 0 ? '−' : ''}$${text}`;
}

/** A unit price with the digits it has: `$0.045`, `$0.5`. */
export function unitPrice(usd: number): string {
  return `$${+usd.toFixed(4)}`;
}

/** `+$1,234` / `−$12.50` / `±$0`. */
export function signedMoney(usd: number): string {
  if (Math.abs(usd) < 0.005) return '±$0';
  return usd > 0 ? `+${money(usd)}` : money(usd);
}

interface Priced {
  readonly lines: CostLine[];
  readonly unpriced: string[];
  readonly leftOut: Set<string>;
}

function priceNodeGroups(id: string, stack: StackJson, p: RegionPrices, region: string, hours: number, out: Priced): void {
  const templates = new Map(resources(stack, 'aws_launch_template'));
  for (const [name, ng] of resources(stack, 'aws_eks_node_group')) {
    const ltRef = valueAt(ng, 'launch_template.id');
    const ltName = typeof ltRef === 'string' ? /\$\{aws_launch_template\.([^.}]+)\./.exec(ltRef)?.[1] : undefined;
    const lt = ltName ? templates.get(ltName) : undefined;
    const types = valueAt(ng, 'instance_types');
    const type = (Array.isArray(types) && typeof types[0] === 'string' ? types[0] : undefined) ?? (lt && typeof lt.instance_type === 'string' ? lt.instance_type : 't3.medium');
    const diskGb = num(valueAt(lt, 'block_device_mappings.ebs.volume_size'), num(ng.disk_size, 20));
    const min = num(valueAt(ng, 'scaling_config.min_size'), 0);
    const max = num(valueAt(ng, 'scaling_config.max_size'), min);
    const spot = ng.capacity_type === 'SPOT';
    const label = typeof ng.node_group_name === 'string' ? ng.node_group_name : name;
    const hourly = p.ec2Hourly[type];
    if (hourly === undefined) {
      out.unpriced.push(`${type} in ${region} (node group ${label})`);
      continue;
    }
    const perNode = hourly * hours + diskGb * p.ebsGp3GbMonth;
    out.lines.push({
      stack: id,
      address: `aws_eks_node_group.${name}`,
      item: `node group ${label}: ${min}–${max} × ${type}${spot ? ' (SPOT, priced on demand: an upper bound)' : ''} + ${diskGb} GB gp3 (${money(perNode)} a node)`,
      min: min * perNode,
      max: max * perNode,
    });
  }
}

function priceStack(id: string, stack: StackJson, p: RegionPrices, region: string, table: PriceTable, pvcGb: number, out: Priced): void {
  const hours = table.hoursPerMonth;
  priceNodeGroups(id, stack, p, region, hours, out);
  const flat = (address: string, item: string, usd: number) => out.lines.push({ stack: id, address, item, min: usd, max: usd });
  for (const [name] of resources(stack, 'aws_nat_gateway')) {
    flat(`aws_nat_gateway.${name}`, `NAT gateway ${name}`, p.natGatewayHourly * hours);
    out.leftOut.add(`NAT gateway data processing (${unitPrice(p.natGatewayPerGb)}/GB)`);
  }
  for (const [name] of resources(stack, 'aws_eip')) flat(`aws_eip.${name}`, `public IPv4 address ${name}`, p.publicIpv4Hourly * hours);
  for (const [name, cluster] of resources(stack, 'aws_eks_cluster')) {
    const support = valueAt(cluster, 'upgrade_policy.support_type');
    const standard = p.eksStandardHourly * hours;
    const extended = p.eksExtendedHourly * hours;
    const canExtend = support !== 'STANDARD';
    out.lines.push({
      stack: id,
      address: `aws_eks_cluster.${name}`,
      item: canExtend
        ? `EKS control plane: ${money(standard)} in standard support, ${money(extended)} in extended support (support_type ${typeof support === 'string' ? support : 'unset = EXTENDED'})`
        : `EKS control plane: standard support (support_type STANDARD: upgraded, never billed ${money(extended)} for extended support)`,
      min: standard,
      max: canExtend ? extended : standard,
    });
    const logs = valueAt(cluster, 'enabled_cluster_log_types');
    if (Array.isArray(logs) && logs.length > 0) out.leftOut.add(`CloudWatch Logs ingestion (${unitPrice(p.logsIngestPerGb)}/GB): EKS control-plane logs`);
  }
  if (resources(stack, 'aws_flow_log').length > 0) out.leftOut.add(`CloudWatch Logs ingestion (${unitPrice(p.logsIngestPerGb)}/GB): VPC flow logs`);
  for (const [name] of resources(stack, 'aws_efs_file_system')) {
    flat(`aws_efs_file_system.${name}`, `EFS: ${+pvcGb.toFixed(2)} GB Standard (what the PersistentVolumeClaims request; billed on use)`, pvcGb * p.efsStandardGbMonth);
  }
  for (const [name] of resources(stack, 'aws_kms_key')) flat(`aws_kms_key.${name}`, `KMS key ${name}`, p.kmsKeyMonth);
  for (const [name, m] of resources(stack, 'kubernetes_manifest')) {
    const manifest = m.manifest;
    if (valueAt(manifest, 'kind') !== 'Service' || valueAt(manifest, 'spec.type') !== 'LoadBalancer') continue;
    const annotations = valueAt(manifest, 'metadata.annotations');
    const lbType = isObject(annotations) ? annotations['service.beta.kubernetes.io/aws-load-balancer-type'] : undefined;
    const svc = String(valueAt(manifest, 'metadata.name') ?? name);
    if (lbType === 'nlb' || lbType === 'external' || lbType === 'nlb-ip') {
      flat(`kubernetes_manifest.${name}`, `NLB of Service ${svc}`, p.nlbHourly * hours);
      out.leftOut.add('NLB capacity units (NLCU, by traffic)');
    } else out.unpriced.push(`Service ${svc}: a LoadBalancer without the nlb annotation (Classic Load Balancer)`);
  }
}

/** Sum of the PersistentVolumeClaims' storage requests in an environment's stacks, in GiB. */
function pvcRequests(stacks: readonly StackJson[]): number {
  let total = 0;
  for (const stack of stacks) {
    for (const [, m] of resources(stack, 'kubernetes_manifest')) {
      if (valueAt(m.manifest, 'kind') === 'PersistentVolumeClaim') total += gibibytes(valueAt(m.manifest, 'spec.resources.requests.storage'));
    }
  }
  return total;
}

/** The estimated monthly cost of every environment of a synth that has something to price. */
export function costOf(stacks: ReadonlyMap<string, StackJson>, table: PriceTable = PRICE_TABLE): EnvironmentCost[] {
  const byEnv = new Map<string, string[]>();
  for (const id of [...stacks.keys()].sort()) byEnv.set(environmentOf(id), [...(byEnv.get(environmentOf(id)) ?? []), id]);
  const out: EnvironmentCost[] = [];
  for (const [environment, ids] of byEnv) {
    const priced: Priced = { lines: [], unpriced: [], leftOut: new Set() };
    const pvcGb = pvcRequests(ids.map((id) => stacks.get(id)!));
    let envRegion: string | undefined;
    for (const id of ids) {
      const stack = stacks.get(id)!;
      const region = regionOf(stack);
      if (!region) continue;
      envRegion ??= region;
      const prices = table.regions[region];
      if (!prices) {
        if (resources(stack, 'aws_eks_node_group').length + resources(stack, 'aws_nat_gateway').length + resources(stack, 'aws_eks_cluster').length > 0) {
          priced.unpriced.push(`every item of stack ${id}: no prices for region ${region} in pricing.ts`);
        }
        continue;
      }
      priceStack(id, stack, prices, region, table, pvcGb, priced);
    }
    if (priced.lines.length === 0 && priced.unpriced.length === 0) continue;
    out.push({
      environment,
      region: envRegion ?? '',
      min: priced.lines.reduce((n, l) => n + l.min, 0),
      max: priced.lines.reduce((n, l) => n + l.max, 0),
      lines: priced.lines,
      unpriced: priced.unpriced,
      leftOut: [...priced.leftOut].sort(),
    });
  }
  return out;
}

/** Cost before and after, per environment and per resource. */
export function costReview(base: ReadonlyMap<string, StackJson>, head: ReadonlyMap<string, StackJson>, table: PriceTable = PRICE_TABLE): CostReview {
  const before = costOf(base, table);
  const after = costOf(head, table);
  const names = [...new Set([...before.map((e) => e.environment), ...after.map((e) => e.environment)])].sort();
  const environments: EnvironmentCostChange[] = names.map((environment) => {
    const b = before.find((e) => e.environment === environment);
    const a = after.find((e) => e.environment === environment);
    return { environment, ...(b ? { before: b } : {}), ...(a ? { after: a } : {}), deltaMin: (a?.min ?? 0) - (b?.min ?? 0), deltaMax: (a?.max ?? 0) - (b?.max ?? 0) };
  });
  const key = (l: CostLine) => `${l.stack}/${l.address}`;
  const old = new Map(before.flatMap((e) => e.lines).map((l) => [key(l), l]));
  const now = new Map(after.flatMap((e) => e.lines).map((l) => [key(l), l]));
  const resourceDeltas: Record<string, { min: number; max: number }> = {};
  for (const k of new Set([...old.keys(), ...now.keys()])) {
    const min = (now.get(k)?.min ?? 0) - (old.get(k)?.min ?? 0);
    const max = (now.get(k)?.max ?? 0) - (old.get(k)?.max ?? 0);
    if (Math.abs(min) >= 0.005 || Math.abs(max) >= 0.005) resourceDeltas[k] = { min, max };
  }
  return { currency: 'USD', asOf: table.asOf, environments, resourceDeltas };
}
