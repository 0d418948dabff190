/** jest globalTeardown of the platform project: removes the run's shared syntheses (shared-synth-setup.ts). */
import * as fs from 'node:fs';
import { SHARED_SYNTH_DIR } from './shared-synth-setup';

export default function teardown(): void {
  const dir = process.env[SHARED_SYNTH_DIR];
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}
