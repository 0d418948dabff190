/**
 * jest globalSetup of the platform project: a folder for this run's shared
 * synthesized platforms (see sharedSynthesis in policy/platform-under-test.ts:
 * the policy spec files read one synthesis of the default platform instead of
 * each making its own). Workers inherit SHARED_SYNTH_DIR; the folder is
 * removed by shared-synth-teardown.ts at the end of the run.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const SHARED_SYNTH_DIR = 'BOOMI_TEST_SHARED_SYNTH_DIR';

export default function setup(): void {
  process.env[SHARED_SYNTH_DIR] = fs.mkdtempSync(path.join(os.tmpdir(), 'platform-shared-synth-'));
}
