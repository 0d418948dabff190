// Policy: every taggable AWS resource of an environment carries its tags —
// Environment=<env>, ManagedBy, and the environment file's own tags — through
// the AWS provider's default_tags, and nothing says a different Environment.
import { validateEnvironment, type Environment } from '@boomi-eks/config';
import { blocks, generatedStageInput, resourcesNamed, synthesizePlatform, walkJson, type SynthesizedStack } from './platform-under-test';

const platform = synthesizePlatform();
const stacks = platform.stacks.map((s) => [s.id, s] as const);

/** The tags an environment's resources must carry (its own tags cannot replace Environment or ManagedBy). */
const requiredTags = (env: Environment): Record<string, string> => ({ ...env.tags, Environment: env.name, ManagedBy: 'cdktf' });

const defaultTagsOf = (stack: SynthesizedStack) =>
  (stack.json.provider?.aws ?? []).map((p) => Object.assign({}, ...blocks(p.default_tags).map((d) => d.tags ?? {})) as Record<string, string>);

/** Every Environment tag value written on a resource or data source, in any of Terraform's tag shapes. */
function environmentTagValues(stack: SynthesizedStack): { where: string; value: unknown }[] {
  const out: { where: string; value: unknown }[] = [];
  walkJson({ resource: stack.json.resource, data: stack.json.data }, (where, key, value) => {
    if (typeof value !== 'object' || value === null) return;
    const v = value as Record<string, unknown>;
    if (/^tags(_all)?$/.test(key) && 'Environment' in v) out.push({ where: `${where}.Environment`, value: v.Environment });
    if (v.key === 'Environment' && 'value' in v) out.push({ where, value: v.value }); // ASG-style tag blocks
  });
  return out;
}

describe.each(stacks)('%s', (_id, stack) => {
  it(
    stack.env
      ? "tags every resource through default_tags on each AWS provider: Environment, ManagedBy and the file's tags"
      : 'tags the account-wide state bucket as managed by cdktf, with no one environment named',
    () => {
      const providers = defaultTagsOf(stack);
      expect(providers.length).toBeGreaterThan(0);
      for (const tags of providers) {
        if (stack.env) expect(tags).toMatchObject(requiredTags(stack.env));
        else {
          expect(tags).toMatchObject({ ManagedBy: 'cdktf' });
          expect(tags).not.toHaveProperty('Environment');
        }
      }
    },
  );

  it('lets no resource override the Environment tag with another value', () => {
    const expected = stack.env?.name;
    expect(environmentTagValues(stack).filter((t) => t.value !== expected)).toEqual([]);
  });
});

describe('the generated environment', () => {
  it("carries its own file's tags, not a shipped environment's (so the check above reads per environment)", () => {
    const stage = platform.stacks.filter((s) => s.env?.name === 'stage');
    expect(stage.length).toBeGreaterThan(0);
    for (const s of stage) expect(defaultTagsOf(s)[0]).toMatchObject({ Environment: 'stage', CostCenter: 'integration-stage', Owner: 'policy-tests' });
  });
});

describe('an environment file whose tags name Environment or ManagedBy', () => {
  it('is refused at tags.Environment / tags.ManagedBy, or cannot change those tags on any resource', () => {
    const input = generatedStageInput();
    input.tags = { ...input.tags, Environment: 'production', ManagedBy: 'hand' };
    const result = validateEnvironment(input);
    if (!result.ok) {
      expect(result.issues.map((i) => i.path)).toEqual(expect.arrayContaining([expect.stringMatching(/^tags(\.Environment)?$/)]));
      return;
    }
    const built = synthesizePlatform({ 'stage.ts': input });
    const wrong = built.stacks
      .filter((s) => s.env)
      .flatMap((s) => defaultTagsOf(s).map((tags) => ({ stack: s.id, Environment: tags.Environment, ManagedBy: tags.ManagedBy })))
      .filter((t) => t.Environment !== 'stage' || t.ManagedBy !== 'cdktf');
    expect(wrong).toEqual([]);
  });
});

describe("the nodes' EC2 instances and volumes", () => {
  it("carry the environment's tags through every launch template's tag_specifications", () => {
    const missing = platform.stacks
      .filter((s) => s.env)
      .flatMap((s) =>
        resourcesNamed(s.json, 'aws_launch_template').flatMap(({ name, body }) =>
          ['instance', 'volume'].map((type) => {
            const spec = blocks(body.tag_specifications).find((t) => t.resource_type === type);
            const tags = (spec?.tags ?? {}) as Record<string, string>;
            const lacking = Object.entries(requiredTags(s.env!))
              .filter(([k, v]) => tags[k] !== v)
              .map(([k]) => k);
            return { launchTemplate: `${s.id}/${name}`, resourceType: type, lacking };
          }),
        ),
      )
      .filter((m) => m.lacking.length > 0);
    expect(missing).toEqual([]);
  });
});
