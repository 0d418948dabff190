import { synthesizeShipped } from '../../test/policy/platform-under-test';
import { TERRAFORM_REQUIRED_VERSION } from './terraform-version';

describe('required_version', () => {
  // every stack the app writes, the ci-access stack included (one synthesis per jest run, shared with workloads-stack.spec)
  const out = synthesizeShipped({ ci: true });

  it('is at least 1.10 (S3 lock files) on every stack the app writes', () => {
    expect(TERRAFORM_REQUIRED_VERSION).toBe('>= 1.10');
    const ids = out.stackIds();
    expect(ids).toEqual(expect.arrayContaining(['state', 'ci-access', 'dev-network', 'dev-cluster', 'dev-workloads']));
    for (const id of ids) expect([id, (out.stack(id).terraform as Record<string, unknown>).required_version]).toEqual([id, '>= 1.10']);
  });
});
