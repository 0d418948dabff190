// A valid second Molecule for the additional-Molecule fixtures: each fixture changes one field of it.
export const TEAM_B: Record<string, unknown> = {
  name: 'team-b',
  namespace: 'team-b',
  atomName: 'team-b-molecule',
  platformUrl: 'https://platform.boomi.com',
  image: { tag: '5.0.2' },
  auth: { secretName: 'boomi/dev/team-b' },
  service: { scheme: 'internal' },
  hpa: { minReplicas: 2, maxReplicas: 6 },
  replicas: 2,
};
