/** Shared builders for the molecule specs. */
import { Testing } from 'cdk8s';
import { MoleculeChart, MoleculeChartProps } from '../src';

export const FS_ID = 'fs-0123456789abcdef0';
export const AP_ID = 'fsap-0123456789abcdef0';

/** A rendered object, loosely typed for assertions. */
export type Obj = Record<string, any>;

/** Builds the chart in a fresh cdk8s app and renders it. */
export function renderMolecule(props: Partial<MoleculeChartProps> = {}) {
  const chart = new MoleculeChart(Testing.app(), 'molecule', { fileSystemId: FS_ID, accessPointId: AP_ID, ...props });
  const objects: Obj[] = chart.toJson();
  const all = (kind: string) => objects.filter((o) => o.kind === kind);
  const one = (kind: string): Obj => {
    const found = all(kind);
    if (found.length !== 1) throw new Error(`expected one ${kind}, found ${found.length}`);
    return found[0];
  };
  return { chart, objects, all, one };
}

/** The `atom-node` container of the rendered StatefulSet. */
export function moleculeContainer(objects: Obj[]): Obj {
  return objects.find((o) => o.kind === 'StatefulSet')!.spec.template.spec.containers[0];
}

/** A container's env as a name → entry map, plus the names in order. */
export function envOf(container: Obj): { names: string[]; byName: Record<string, Obj> } {
  const env: Obj[] = container.env;
  return { names: env.map((e) => e.name), byName: Object.fromEntries(env.map((e) => [e.name, e])) };
}
