/**
 * Two Molecules on one cluster (several-Molecules support of @boomi-eks/molecule),
 * written as YAML for the kube-apiserver dry run next to the environments'
 * exports: team-a makes the StorageClass, team-b shares it; each has its own
 * namespace, PV (on its own placeholder access point), atom name, Secret and
 * HPA bounds.
 *
 *   tsx --tsconfig tools/integration/tsconfig.json tools/integration/kube-apiserver/two-molecules.ts OUTDIR
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { App } from 'cdk8s';
import { MoleculeChart, chartToYaml, type MoleculeChartProps } from '@boomi-eks/molecule';

const FS_ID = 'fs-0000000000000000';
const TEAMS: readonly MoleculeChartProps[] = [
  { name: 'team-a', namespace: 'team-a', atomName: 'team-a', secretName: 'team-a-boomi', fileSystemId: FS_ID, accessPointId: 'fsap-00000000000000a1', hpa: { minReplicas: 3, maxReplicas: 10 } },
  {
    name: 'team-b',
    namespace: 'team-b',
    atomName: 'team-b',
    secretName: 'team-b-boomi',
    fileSystemId: FS_ID,
    accessPointId: 'fsap-00000000000000b2',
    hpa: { minReplicas: 2, maxReplicas: 4 },
    replicas: 2,
    storage: { storageClassName: 'team-a-efs-sc', createStorageClass: false },
  },
];

const outdir = process.argv[2] ?? 'dist/manifests-examples';
for (const props of TEAMS) {
  const file = path.join(outdir, 'two-molecules', `${props.name}.yaml`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `# Example: Molecule '${props.name}' of two on one cluster (placeholder EFS ids)\n${chartToYaml(new MoleculeChart(new App(), props.name!, props))}`);
  console.log(file);
}
