/**
 * The capacity rule with `autoscaler.kind: 'karpenter'` (issue 20). Karpenter
 * launches nodes until a NodePool's `limits` (the sum of its nodes' vCPUs and
 * memory) are reached; the Molecule's most pods must fit below those limits
 * on the pool's smallest instance type, or the rest stay Pending.
 */
import type { ConfigIssue } from './errors';
import type { Environment } from './environment';
import { INSTANCE_ALLOCATABLE, moleculeDemand, nodeReserve, podsPerNode, unknownInstanceType } from './capacity';
import { memoryToMiB } from '@boomi-eks/primitives';

interface Pool {
  readonly path: string;
  readonly instanceTypes: readonly string[];
  readonly limits: { readonly cpu: number; readonly memory: string };
}

/** Unknown instance types in the pools, then whether the Molecule's most pods fit the pools' limits. */
export function checkKarpenterCapacity(env: Environment): ConfigIssue[] {
  const k = env.autoscaler.karpenter;
  const molecule: Pool = { path: 'autoscaler.karpenter.moleculePool', ...k.moleculePool };
  const general: Pool = { path: 'autoscaler.karpenter.generalPool', ...k.generalPool };
  const out: ConfigIssue[] = [];
  for (const p of [molecule, general]) {
    p.instanceTypes.forEach((t, i) => {
      if (Object.hasOwn(INSTANCE_ALLOCATABLE, t)) return;
      out.push(unknownInstanceType(`${p.path}.instanceTypes[${i}]`, t));
    });
  }
  if (out.length > 0) return out;

  const { field, needed, requests, pod } = moleculeDemand(env);
  const reserve = nodeReserve(env);
  // placement 'any' lets the Molecule use the general (spot) pool as well.
  const pools = env.molecule.placement === 'on-demand' ? [molecule] : [molecule, general];

  let pods = 0;
  const parts: string[] = [];
  for (const p of pools) {
    // Karpenter may launch any type of the pool: count on its worst (fewest pods per vCPU or per GiB).
    const worst = p.instanceTypes
      .map((t) => {
        const a = INSTANCE_ALLOCATABLE[t];
        const per = podsPerNode(a, pod, reserve);
        return { t, a, per, nodes: Math.min(Math.floor(p.limits.cpu / a.vcpu), Math.floor(memoryToMiB(p.limits.memory) / (a.memoryGiB * 1024))) };
      })
      .sort((x, y) => x.per * x.nodes - y.per * y.nodes)[0];
    pods += worst.per * worst.nodes;
    parts.push(`${p.path}.limits (cpu ${p.limits.cpu}, memory ${p.limits.memory}) hold ${worst.nodes} × ${worst.t} × ${worst.per} pods`);
  }
  if (pods >= needed) return out;

  const m = molecule;
  const t = m.instanceTypes
    .map((x) => ({ x, a: INSTANCE_ALLOCATABLE[x], per: podsPerNode(INSTANCE_ALLOCATABLE[x], pod, reserve) }))
    .filter((e) => e.per > 0)
    .sort((a, b) => a.per / a.a.vcpu - b.per / b.a.vcpu)[0];
  const fix = t
    ? `raise ${m.path}.limits to cpu ${Math.ceil(needed / t.per) * t.a.vcpu} and memory ${Math.ceil(needed / t.per) * t.a.memoryGiB}Gi (${Math.ceil(needed / t.per)} × ${t.x}), `
    : `add a larger instance type to ${m.path}.instanceTypes (no listed type holds a ${requests.cpu}/${requests.memory} pod), `;
  out.push({
    path: field,
    value: needed,
    message:
      `× ${requests.cpu}/${requests.memory} needs ${needed} pods but ${parts.join(' + ')}` +
      `${pools.length === 1 ? " (the spot pool is not counted: molecule.placement is 'on-demand')" : ''}, so the rest would stay Pending`,
    fix: `${fix}or lower ${field} or molecule.resources.requests`,
  });
  return out;
}
