import * as fs from 'node:fs';
import { normalizePaths, PlanReviewError, readSynthDir } from './synth-ref';
import { headSynth, writeOutdir } from '../test/fixtures';

describe('readSynthDir', () => {
  it('reads every stack of the manifest with its dependencies', () => {
    const dir = writeOutdir(headSynth());
    try {
      const synth = readSynthDir(dir);
      expect([...synth.stacks.keys()].sort()).toEqual(['app', 'jobs', 'net']);
      expect(synth.manifest.stacks.jobs).toEqual({ dependencies: ['app'] });
      expect(synth.stacks.get('jobs')).toEqual(headSynth().stacks.get('jobs'));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says what is wrong with a folder that is no synth output', () => {
    expect(() => readSynthDir('/nonexistent-outdir')).toThrow(PlanReviewError);
    expect(() => readSynthDir('/nonexistent-outdir')).toThrow('/nonexistent-outdir: no manifest.json');
  });
});

describe('normalizePaths', () => {
  it('replaces the checkout and outdir folders in every string, the more specific first', () => {
    const synth = {
      manifest: { stacks: { s: {} } },
      stacks: new Map([['s', { terraform: { backend: { local: { path: '/repo/terraform.s.tfstate' } } }, x: ['/repo/out/assets/a', 1, null] }]]),
    };
    const out = normalizePaths(synth, { checkout: '/repo', outdir: '/repo/out' });
    expect(out.stacks.get('s')).toEqual({ terraform: { backend: { local: { path: '<checkout>/terraform.s.tfstate' } } }, x: ['<outdir>/assets/a', 1, null] });
  });
});
