// The policy suite: every synthesized stack of every environment (the shipped
// ones and the generated `stage`, `kstage` and `teams`) against the rules of
// one concern each. One jest file for the whole suite, so the platform is
// synthesized and read once and the app's modules load once; each concern
// stays in its own module (`<concern>.policy.ts`, its tests under
// `describe('<concern>')`). A new `*.policy.ts` file here is picked up as it
// is: nothing to register.
import * as fs from 'node:fs';
import * as path from 'node:path';

const POLICY_MODULES = fs
  .readdirSync(__dirname)
  .filter((f) => f.endsWith('.policy.ts'))
  .sort();

it('runs every policy module of this folder', () => {
  // the eleven concerns of today; fewer means a module was lost (renamed away from *.policy.ts)
  expect(POLICY_MODULES.length).toBeGreaterThanOrEqual(11);
});

for (const file of POLICY_MODULES) {
  describe(file.replace(/\.policy\.ts$/, ''), () => {
    require(path.join(__dirname, file));
  });
}
