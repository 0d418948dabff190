// Provider classes must come from deep paths (@cdktf/provider-aws/lib/vpc):
// the package barrel costs seconds and hundreds of MB on every synth, and an
// editor's auto-import suggests it. This test fails on any barrel import, and
// on any lib importing another lib through a relative path.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { typescriptFiles, workspaceRoot } from './source-files';

const root = workspaceRoot();
const files = typescriptFiles(path.join(root, 'apps'), path.join(root, 'libs'), path.join(root, 'tools'));
const BARREL = /from\s+['"](@cdktf\/provider-(?:aws|kubernetes|helm)|cdktf-cdk8s)['"]|require\(\s*['"]@cdktf\/provider-(?:aws|kubernetes|helm)['"]\s*\)/;

describe('imports', () => {
  it('scans the workspace sources', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it('never imports a provider package barrel', () => {
    const offenders = files.filter((f) => BARREL.test(fs.readFileSync(f, 'utf8')) && !f.endsWith('imports.spec.ts'));
    expect(offenders.map((f) => path.relative(root, f))).toEqual([]);
  });

  it('never reaches into another lib by relative path', () => {
    const offenders = files.filter((f) => /from\s+['"](\.\.\/)+(libs\/|[a-z-]+\/src)/.test(fs.readFileSync(f, 'utf8')));
    expect(offenders.map((f) => path.relative(root, f))).toEqual([]);
  });
});
