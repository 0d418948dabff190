import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { validateKubernetesObject } from '@boomi-eks/testing';
import { PLACEHOLDER_ACCESS_POINT_ID, PLACEHOLDER_FILE_SYSTEM_ID, exportManifests, parseIds } from './export-manifests';

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
        "--ids staging=…: no environment is named 'staging': use one of dev, prod",
      );
      expect(fs.readdirSync(other)).toEqual([]);
    } finally {
      fs.rmSync(other, { recursive: true, force: true });
    }
  });

  it('refuses a malformed --ids value with the expected shape', () => {
    expect(() => parseIds(['prod=fs-1'])).toThrow(/--ids prod=fs-1: expected ENV=fs-<hex>:fsap-<hex>/);
  });
});
