// Seed 000's cluster-autoscaler flags (and the chart's logging flags), as the
// values must carry them: checked on the pure values and on the rendered release.
export const SEED_FLAGS: ReadonlyArray<[string, unknown]> = [
  ['expander', 'least-waste'],
  ['balance-similar-node-groups', true],
  ['skip-nodes-with-local-storage', false],
  ['skip-nodes-with-system-pods', false],
  ['scale-down-unneeded-time', '1m'],
  ['scale-down-delay-after-add', '1m'],
  ['scale-down-delay-after-failure', '1m'],
  ['scan-interval', '5s'],
  ['max-nodes-total', 300],
  ['v', 4],
  ['stderrthreshold', 'info'],
  ['logtostderr', true],
];
