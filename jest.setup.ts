// Loaded after the test framework in every project (see jest.preset.js).
// 1. Registers cdktf's matchers (toHaveResourceWithProperties, ...).
// 2. cdktf's Testing helpers leave a cdktf.outdir.* folder in the temp dir per
//    call. Each test file gets a private temp dir (os.tmpdir() follows TMPDIR),
//    removed when its tests are done, so parallel workers never touch each
//    other's folders and nothing is left behind.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Testing } from 'cdktf';

Testing.setupJest();

const previousTmp = process.env.TMPDIR;
const privateTmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jest-cdktf-'));
process.env.TMPDIR = privateTmp;

afterAll(() => {
  if (previousTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = previousTmp;
  fs.rmSync(privateTmp, { recursive: true, force: true });
});
