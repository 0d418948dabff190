import * as fs from 'node:fs';
import { normalizePaths, PlanReviewError, readSynthDir, SYNTH_ERROR_LINES, synthErrorHead } from './synth-ref';
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

describe('synthErrorHead', () => {
  it("keeps a failed synth's first lines, where the error is, and says how many were cut", () => {
    const output = ['dev.ts:11:3: syntax error: Expected "}"', ...Array.from({ length: 50 }, (_, i) => `line ${i}`)].join('\n');
    const head = synthErrorHead(output).split('\n');
    expect(head[0]).toBe('dev.ts:11:3: syntax error: Expected "}"');
    expect(head).toHaveLength(SYNTH_ERROR_LINES + 1);
    expect(head[SYNTH_ERROR_LINES]).toBe(`… (${51 - SYNTH_ERROR_LINES} more lines)`);
  });

  it('keeps a short output whole', () => {
    expect(synthErrorHead('a\nb\n')).toBe('a\nb');
  });
});
