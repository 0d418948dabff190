import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { validateKubernetesObject } from '@boomi-eks/testing';
import { PLACEHOLDER_ACCESS_POINT_ID, PLACEHOLDER_FILE_SYSTEM_ID, exportEnvironments, exportManifests, parseIds } from './export-manifests';
import { validateAll } from './platform';
import { generatedMoleculesInput } from '../test/policy/platform-under-test';

const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'manifests-'));
afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

describe('exportManifests', () => {
  const files = exportManifests(outdir, parseIds(['prod=fs-0123abcd:fsap-0456ef01']));

  it('writes one YAML file per environment', () => {
    expect(files.map((f) => path.relative(outdir, f)).sort()).toEqual(['dev/molecule.yaml', 'prod/molecule.yaml']);
  });

  it("holds the chart's objects, with the given EFS ids in the PV handle", () => {
    const docs = parseAllDocuments(fs.readFileSync(path.join(outdir, 'prod/molecule.yaml'), 'utf8')).map((d) => d.toJS());
    expect(docs.map((d) => d.kind).sort()).toEqual([
      'HorizontalPodAutoscaler',
      'Namespace',
      'NetworkPolicy',
      'NetworkPolicy',
      'PersistentVolume',
      'PersistentVolumeClaim',
      'PodDisruptionBudget',
      'Service',
      'StatefulSet',
      'StorageClass',
    ]);
    expect(docs.find((d) => d.kind === 'PersistentVolume').spec.csi.volumeHandle).toBe('fs-0123abcd::fsap-0456ef01');
  });

  it.each(['dev', 'prod'])('%s: every exported object is valid against the Kubernetes API schema', (env) => {
    const docs = parseAllDocuments(fs.readFileSync(path.join(outdir, env, 'molecule.yaml'), 'utf8')).map((d) => d.toJS());
    expect(docs).toHaveLength(10);
    for (const doc of docs) expect(() => validateKubernetesObject(doc)).not.toThrow();
  });

  it('marks placeholder ids when none are given', () => {
    const text = fs.readFileSync(path.join(outdir, 'dev/molecule.yaml'), 'utf8');
    expect(text.split('\n')[0]).toMatch(/PLACEHOLDER EFS ids: pass --ids dev=/);
    expect(text).toContain(`${PLACEHOLDER_FILE_SYSTEM_ID}::${PLACEHOLDER_ACCESS_POINT_ID}`);
  });

  it('refuses --ids for an environment that does not exist, naming it and the known ones, and writes nothing', () => {
    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'manifests-unknown-'));
    try {
      expect(() => exportManifests(other, parseIds(['staging=fs-1:fsap-1']))).toThrow(
        "--ids staging=…: no environment or Molecule is named 'staging': use one of dev, prod",
      );
      expect(fs.readdirSync(other)).toEqual([]);
    } finally {
      fs.rmSync(other, { recursive: true, force: true });
    }
  });

  it('refuses a malformed --ids value with the expected shape', () => {
    expect(() => parseIds(['prod=fs-1'])).toThrow(/--ids prod=fs-1: expected ENV=fs-<hex>:fsap-<hex> \(or ENV\/MOLECULE=… for an additional Molecule\)/);
  });
});

describe('exportEnvironments with two Molecules (the generated teams environment)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'manifests-teams-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const teams = validateAll({ 'teams.ts': generatedMoleculesInput() })[0];
  const files = exportEnvironments(dir, [teams], parseIds(['teams/team-b=fs-0123abcd:fsap-0b0b0b0b']));
  const docs = (file: string) => parseAllDocuments(fs.readFileSync(path.join(dir, file), 'utf8')).map((d) => d.toJS());

  it('writes a file per Molecule; the second shares the first StorageClass and makes none', () => {
    expect(files.map((f) => path.relative(dir, f))).toEqual(['teams/molecule.yaml', 'teams/molecule-team-b.yaml']);
    expect(docs('teams/molecule.yaml').filter((d) => d.kind === 'StorageClass').map((d) => d.metadata.name)).toEqual(['efs-sc']);
    const b = docs('teams/molecule-team-b.yaml');
    expect(b.filter((d) => d.kind === 'StorageClass')).toEqual([]);
    expect(b.find((d) => d.kind === 'PersistentVolume')).toMatchObject({
      metadata: { name: 'team-b-efs-pv' },
      spec: { storageClassName: 'efs-sc', csi: { volumeHandle: 'fs-0123abcd::fsap-0b0b0b0b' } },
    });
    expect(b.find((d) => d.kind === 'HorizontalPodAutoscaler').spec).toMatchObject({ minReplicas: 2, maxReplicas: 6 });
    for (const d of b) expect(d.metadata.namespace ?? 'team-b').toBe('team-b');
    for (const d of [...docs('teams/molecule.yaml'), ...b]) expect(() => validateKubernetesObject(d)).not.toThrow();
  });

  it('refuses --ids for a Molecule the environment does not have', () => {
    expect(() => exportEnvironments(dir, [teams], parseIds(['teams/team-c=fs-1:fsap-1']))).toThrow(
      "--ids teams/team-c=…: no environment or Molecule is named 'teams/team-c': use one of teams, teams/team-b",
    );
  });
});
