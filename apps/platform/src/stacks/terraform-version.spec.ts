import { synthesizePlatform } from '../../test/policy/platform-under-test';
import { TERRAFORM_REQUIRED_VERSION } from './terraform-version';

describe('required_version', () => {
  // every stack the app writes for the shipped and the generated environments, the ci-access stack included
  // (the policy tests' platform, synthesized once per jest run)
  const platform = synthesizePlatform();

  it('is at least 1.10 (S3 lock files) on every stack the app writes', () => {
    expect(TERRAFORM_REQUIRED_VERSION).toBe('>= 1.10');
    const ids = platform.stacks.map((s) => s.id);
    expect(ids).toEqual(expect.arrayContaining(['state', 'ci-access', 'dev-network', 'dev-cluster', 'dev-workloads']));
    for (const { id, json } of platform.stacks) expect([id, (json.terraform as Record<string, unknown>).required_version]).toEqual([id, '>= 1.10']);
  });
});
