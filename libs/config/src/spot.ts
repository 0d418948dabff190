/**
 * Spot and on-demand capacity (seed 004): what every SPOT node group gets at
 * config resolution, and the labels the Molecule's placement selects on.
 *
 * The values and `capacityTypeDefaults` are owned by the eks lib (its node
 * groups write them: `@boomi-eks/eks/rules`); config applies them in one place,
 * `validateEnvironment` (environment.ts), so the resolved
 * `Environment.nodeGroups` already shows every group's effective labels and
 * taints, and re-exports them for the apps.
 */
export {
  CAPACITY_LABEL,
  EKS_CAPACITY_TYPE_LABEL,
  KUBERNETES_TAINT_EFFECT,
  SPOT_LABEL_VALUE,
  SPOT_TAINT,
  capacityTypeDefaults,
} from '@boomi-eks/eks/rules';
