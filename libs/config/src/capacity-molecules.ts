/**
 * The capacity rule with several Molecules (issue 21): the Molecules of one
 * cluster share its node groups (or Karpenter NodePools), so each must fit in
 * what the Molecules before it leave. Each Molecule in turn (the first, then
 * `additionalMolecules` in order) is checked by the one-Molecule rule
 * (capacity.ts with its zone spread, or capacity-karpenter.ts) against the
 * nodes left, then takes the nodes its most pods (requests × hpa.maxReplicas)
 * need: spread evenly over its eligible AZs, on the groups that hold the most
 * of its pods per node. Counting each Molecule on nodes of its own is
 * conservative: pods of two Molecules that would share a node's leftover room
 * are not credited, so the rule may ask for a node more than strictly needed,
 * never for one less. With one Molecule this is exactly the one-Molecule rule.
 */
import type { ConfigIssue } from './errors';
import type { Environment, NodeGroup } from './environment-types';
import { INSTANCE_ALLOCATABLE, checkCapacity, moleculeDemand, nodeReserve, podsPerNode } from './capacity';
import { checkKarpenterCapacity } from './capacity-karpenter';
import { memoryToMiB } from '@boomi-eks/primitives';
import { asFirstMolecule, issueFor, moleculesOf, type MoleculeEntry } from './molecules';

type Karpenter = Environment['autoscaler']['karpenter'];

/** What one Molecule took from the shared capacity, for the next one's message. */
interface Taken {
  readonly entry: MoleculeEntry;
  readonly text: string;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Every Molecule's most pods against the shared node groups or NodePools; with one Molecule, the one-Molecule rule. */
export function checkMoleculesCapacity(env: Environment): ConfigIssue[] {
  const karpenter = env.autoscaler.enabled && env.autoscaler.kind === 'karpenter';
  const one = karpenter ? checkKarpenterCapacity : checkCapacity;
  const entries = moleculesOf(env);
  if (entries.length === 1) return one(env);

  let groups: readonly NodeGroup[] = env.nodeGroups;
  let pools: Karpenter = env.autoscaler.karpenter;
  const taken: Taken[] = [];
  for (const entry of entries) {
    const view: Environment = {
      ...asFirstMolecule(env, entry),
      nodeGroups: groups,
      autoscaler: { ...env.autoscaler, karpenter: pools },
    };
    const issues = one(view);
    // An unknown instance type is about the groups, not a Molecule: reported once, as the one-Molecule rule does.
    if (issues.some((i) => /has no allocatable cpu, memory and max pods/.test(i.message))) return issues;
    if (issues.length > 0) return issues.map((i) => withTaken(issueFor(entry, i), taken, karpenter));
    if (karpenter) {
      const t = takeFromPools(view, entry, pools);
      pools = t.pools;
      taken.push({ entry, text: t.text });
    } else {
      const t = takeFromGroups(view, entry, groups);
      groups = t.groups;
      taken.push({ entry, text: t.text });
    }
  }
  return [];
}

/** Names the Molecules before this one and what they take (after the fix): the capacity in the message is what they leave. */
function withTaken(issue: ConfigIssue, taken: readonly Taken[], karpenter: boolean): ConfigIssue {
  if (taken.length === 0) return issue;
  const where = karpenter ? "the NodePools' limits" : "the node groups' maxSize";
  return {
    ...issue,
    fix:
      `${issue.fix}. The Molecules share ${karpenter ? 'the NodePools' : 'the node groups'}: ${taken.map((t) => t.text).join('; ')}; ` +
      `${where} above are what ${taken.length === 1 ? 'it leaves' : 'they leave'} (add what ${taken.length === 1 ? 'it takes' : 'they take'} to any figure you raise), ` +
      `or lower ${taken.map((t) => `${t.entry.hpaPath}.maxReplicas`).join(' or ')}`,
  };
}

/** The pods to fit: hpa.maxReplicas, or the replicas without an HPA. */
function demandText(env: Environment, entry: MoleculeEntry): { needed: number; text: string } {
  const { field, needed, requests } = moleculeDemand(env);
  const at = field === 'hpa.maxReplicas' ? `${entry.hpaPath}.maxReplicas` : `${entry.path}.replicas`;
  return { needed, text: `${entry.path} (namespace ${entry.molecule.namespace}) needs ${needed} × ${requests.cpu}/${requests.memory} (${at})` };
}

/** Nodes of each group this Molecule's most pods take, spread evenly over its eligible AZs. */
function takeFromGroups(view: Environment, entry: MoleculeEntry, groups: readonly NodeGroup[]): { groups: NodeGroup[]; text: string } {
  const { needed, text } = demandText(view, entry);
  const { pod } = moleculeDemand(view);
  const reserve = nodeReserve(view);
  const onDemandOnly = entry.molecule.placement === 'on-demand';
  const left = new Map(groups.map((g) => [g, g.maxSize]));
  const perNode = (g: NodeGroup) => Math.min(...g.instanceTypes.map((t) => podsPerNode(INSTANCE_ALLOCATABLE[t], pod, reserve)));
  const eligible = groups.filter((g) => (!onDemandOnly || g.capacityType === 'ON_DEMAND') && perNode(g) > 0);
  const zones = [...new Set(eligible.map((g) => g.availabilityZone))];
  let nodes = 0;
  let rest = needed;
  zones.forEach((az, i) => {
    // An even share per AZ (what the zone spread asks; the scheduler's preference otherwise); the last AZ takes what is left.
    let share = i === zones.length - 1 ? rest : Math.min(rest, Math.ceil(needed / zones.length));
    rest -= share;
    for (const g of eligible.filter((x) => x.availabilityZone === az).sort((a, b) => perNode(b) - perNode(a))) {
      if (share <= 0) break;
      const n = Math.min(left.get(g)!, Math.ceil(share / perNode(g)));
      left.set(g, left.get(g)! - n);
      share -= n * perNode(g);
      nodes += n;
    }
    rest += Math.max(0, share);
  });
  return {
    groups: groups.map((g) => ({ ...g, maxSize: left.get(g)! })),
    text: `${text}, which takes ${plural(nodes, 'node')}`,
  };
}

/** vCPUs and memory of the nodes this Molecule's most pods take: from the Molecule pool, then (placement 'any') the general pool. */
function takeFromPools(view: Environment, entry: MoleculeEntry, pools: Karpenter): { pools: Karpenter; text: string } {
  const { needed, text } = demandText(view, entry);
  const { pod } = moleculeDemand(view);
  const reserve = nodeReserve(view);
  // The pool's worst type, as the one-Molecule rule counts it: fewest of these pods per vCPU.
  const worst = pools.moleculePool.instanceTypes
    .map((t) => ({ t, a: INSTANCE_ALLOCATABLE[t], per: podsPerNode(INSTANCE_ALLOCATABLE[t], pod, reserve) }))
    .filter((x) => x.per > 0)
    .sort((x, y) => x.per / x.a.vcpu - y.per / y.a.vcpu)[0];
  if (!worst) return { pools, text: `${text}` };
  const nodes = Math.ceil(needed / worst.per);
  let cpu = nodes * worst.a.vcpu;
  let memoryMiB = nodes * worst.a.memoryGiB * 1024;
  const take = (limits: Karpenter['moleculePool']['limits']) => {
    const poolMiB = memoryToMiB(limits.memory);
    const c = Math.min(cpu, limits.cpu);
    const m = Math.min(memoryMiB, poolMiB);
    cpu -= c;
    memoryMiB -= m;
    return { cpu: limits.cpu - c, memory: `${poolMiB - m}Mi` };
  };
  const moleculePool = { ...pools.moleculePool, limits: take(pools.moleculePool.limits) };
  const generalPool = entry.molecule.placement === 'any' ? { ...pools.generalPool, limits: take(pools.generalPool.limits) } : pools.generalPool;
  return {
    pools: { ...pools, moleculePool, generalPool },
    text: `${text}, which takes ${plural(nodes, worst.t)} (cpu ${nodes * worst.a.vcpu}, memory ${nodes * worst.a.memoryGiB}Gi)`,
  };
}
