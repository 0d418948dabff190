// Loaded after the test framework in every project (see jest.preset.js).
// 1. Registers cdktf's matchers (toHaveResourceWithProperties, ...).
// 2. cdktf's Testing.app() makes a cdktf.outdir.* folder in the temp dir per
//    call and never removes it. Record the folder of every app a test file
//    makes and remove them when its tests are done (only our own: parallel
//    workers never touch each other's folders). With the shared-modules
//    runtime (tools/jest/shared-modules-runtime.js) `Testing` is one object
//    for every spec file of a worker: it is wrapped once, and each file's
//    afterAll removes the folders made since the last one.
import * as fs from 'node:fs';
import { Testing } from 'cdktf';

Testing.setupJest();

const CREATED = Symbol.for('boomi-eks.testing-app-outdirs');
const testing = Testing as typeof Testing & { [CREATED]?: string[] };
if (!testing[CREATED]) {
  const created: string[] = (testing[CREATED] = []);
  const originalApp = Testing.app.bind(Testing);
  Testing.app = (...args: Parameters<typeof Testing.app>) => {
    const app = originalApp(...args);
    created.push(app.outdir);
    return app;
  };
}

afterAll(() => {
  for (const dir of testing[CREATED]!.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
