/**
 * Writes the generated environments' Molecule manifests (stage, kstage, and
 * teams with two Molecules) as the export does for the shipped ones, for the
 * kube-apiserver dry run (tools/integration project.json, kube-dry-run):
 *
 *   tsx --tsconfig apps/platform/tsconfig.app.json apps/platform/test/policy/export-generated.ts OUTDIR
 */
import { validateAll } from '../../src/platform';
import { exportEnvironments } from '../../src/export-manifests';
import {
  GENERATED_ENV,
  GENERATED_KARPENTER_ENV,
  GENERATED_MOLECULES_ENV,
  generatedKarpenterInput,
  generatedMoleculesInput,
  generatedStageInput,
  shippedInputs,
} from './platform-under-test';

const shipped = shippedInputs();
const envs = validateAll({
  [`${GENERATED_ENV}.ts`]: generatedStageInput(shipped),
  [`${GENERATED_KARPENTER_ENV}.ts`]: generatedKarpenterInput(shipped),
  [`${GENERATED_MOLECULES_ENV}.ts`]: generatedMoleculesInput(shipped),
});
for (const file of exportEnvironments(process.argv[2] ?? 'dist/manifests-generated', envs)) console.log(file);
