// The workspace's jest runtime (tools/jest/shared-modules-runtime.js, set in
// jest.preset.js): what it shares between spec files, what it must never
// share, and cdktf's token stack traces as it formats them. Every project's
// specs run on it; these checks live here, with the largest user of it.
import { App, Lazy } from 'cdktf';
import { Construct } from 'constructs';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { Chart } from 'cdk8s';
import { z } from 'zod';
import * as yaml from 'yaml';

/** True when the function was made by this spec file's vm context (its module was loaded into this file's registry). Give it a plain function or a static method: a class's prototype chain is its base class's. */
const madeHere = (fn: unknown) => fn instanceof Function;
const isolated = Boolean(process.env.BOOMI_JEST_ISOLATE_MODULES);

describe('the shared-modules jest runtime', () => {
  it('loads cdktf, constructs, the providers and yaml once per worker (from its realm), unless BOOMI_JEST_ISOLATE_MODULES is set', () => {
    expect({ cdktf: madeHere(App.isApp), constructs: madeHere(Construct.isConstruct), provider: madeHere(Vpc.generateConfigForImport), yaml: madeHere(yaml.parse) }).toEqual({
      cdktf: isolated,
      constructs: isolated,
      provider: isolated,
      yaml: isolated,
    });
  });

  it("never shares cdk8s or zod: they tell a spec's plain objects and regular expressions by realm", () => {
    expect({ cdk8s: madeHere(Chart.isChart), zod: madeHere(z.object) }).toEqual({ cdk8s: true, zod: true });
  });

  it("gives cdktf's matchers this file's expect", () => {
    const { Testing, TerraformStack } = require('cdktf') as typeof import('cdktf');
    const stack = new TerraformStack(Testing.app(), 'runtime');
    new Vpc(stack, 'vpc', { cidrBlock: '10.0.0.0/16' });
    expect(Testing.synth(stack)).toHaveResourceWithProperties(Vpc, { cidr_block: '10.0.0.0/16' });
    expect(Testing.synth(stack)).not.toHaveResourceWithProperties(Vpc, { cidr_block: '10.1.0.0/16' });
  });

  it("records a token's creation stack from the token's own constructor down, at most 20 frames unless isolated", () => {
    const token = Lazy.stringValue({ produce: () => 'x' });
    const { TokenMap } = require('cdktf/lib/tokens/private/token-map') as { TokenMap: { instance(): { lookupString(s: string): { creationStack: string[] } } } };
    const stack = TokenMap.instance().lookupString(token).creationStack;
    // (isolated, jest maps the frame to cdktf's lazy.ts)
    expect(stack[0]).toMatch(/^new LazyBase \(.*cdktf\/lib\/tokens\/lazy\.[jt]s:\d+:\d+\)$/);
    expect(stack.some((frame) => frame.includes('jest-runtime.spec.ts'))).toBe(true);
    if (!isolated) expect(stack.length).toBeLessThanOrEqual(20);
  });
});
