/**
 * The CPU architecture of an EC2 instance type: owned by the eks lib (node
 * groups pick their AMI type from it; Karpenter's pools their `kubernetes.io/arch`),
 * re-exported for config's rules and the apps.
 */
export { instanceArchitecture, type Architecture } from '@boomi-eks/eks/rules';
