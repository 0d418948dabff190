/**
 * The capacity rule under the Molecule's zone spread (issue 17): with
 * `topologySpreadConstraints` over `topology.kubernetes.io/zone`, maxSkew 1 and
 * `DoNotSchedule` (molecule.zoneSpread 'required'), no AZ may hold more than
 * one pod above the emptiest AZ. Once the smallest AZ is full at c pods, every
 * other AZ stops at c + 1, so the most pods that can run is
 * Σ min(capacity of AZ, c + 1), which can be below the plain sum of the groups.
 */
import type { ConfigIssue } from './errors';
import type { Environment } from './environment';
import { INSTANCE_ALLOCATABLE, nodeReserve, podsPerNode } from './capacity';
import { cpuToMillicores, memoryToMiB } from './quantity';

/** Pods each AZ can hold at its groups' maxSize (eligible groups only; the smallest instance type of each group). */
export function zoneCapacities(env: Environment): Map<string, number> {
  const requests = env.molecule.resources.requests;
  const pod = { cpuMillicores: cpuToMillicores(requests.cpu), memoryMiB: memoryToMiB(requests.memory) };
  const reserve = nodeReserve(env);
  const eligible = env.molecule.placement === 'on-demand' ? env.nodeGroups.filter((g) => g.capacityType === 'ON_DEMAND') : env.nodeGroups;
  const zones = new Map<string, number>();
  for (const g of eligible) {
    const perNode = Math.min(...g.instanceTypes.map((t) => (INSTANCE_ALLOCATABLE[t] ? podsPerNode(INSTANCE_ALLOCATABLE[t], pod, reserve) : 0)));
    zones.set(g.availabilityZone, (zones.get(g.availabilityZone) ?? 0) + g.maxSize * perNode);
  }
  return zones;
}

/** The most Molecule pods that can run under a maxSkew-1 zone spread. */
export function podsUnderZoneSpread(capacities: readonly number[]): number {
  if (capacities.length === 0) return 0;
  const smallest = Math.min(...capacities);
  return capacities.reduce((sum, c) => sum + Math.min(c, smallest + 1), 0);
}

/**
 * Issues when the zone spread, not the total, keeps pods Pending. Runs only
 * when the plain capacity check passed (capacity.ts reports the rest).
 */
export function checkZoneSpreadCapacity(env: Environment): ConfigIssue[] {
  if (env.molecule.zoneSpread !== 'required') return [];
  const zones = zoneCapacities(env);
  if (zones.size < 2) return [];
  const field = env.hpa.enabled ? 'hpa.maxReplicas' : 'molecule.replicas';
  const needed = env.hpa.enabled ? env.hpa.maxReplicas : env.molecule.replicas;
  const fit = podsUnderZoneSpread([...zones.values()]);
  if (fit >= needed) return [];
  const [smallestZone, smallest] = [...zones.entries()].sort((a, b) => a[1] - b[1])[0];
  const perZone = Math.ceil(needed / zones.size);
  const list = [...zones.entries()].map(([az, c]) => `${az}: ${c}`).join(', ');
  return [
    {
      path: field,
      message:
        `(${needed}) pods cannot all run under the zone spread (molecule.zoneSpread 'required', maxSkew 1): ` +
        `${smallestZone} holds at most ${smallest}, so no other AZ may hold more than ${smallest + 1} (${fit} in all; per AZ ${list}). ` +
        `Give every AZ room for ${perZone} pods (raise the maxSize of ${smallestZone}'s node group), lower ${field}, ` +
        `or set molecule.zoneSpread 'preferred'`,
    },
  ];
}
