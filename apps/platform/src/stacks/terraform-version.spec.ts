import { Testing } from 'cdktf';
import { synthApp } from '@boomi-eks/testing';
import { buildPlatform, validateAll } from '../platform';
import { loadEnvironmentFiles } from '../environments/load';
import { ciAccess } from '../ci';
import { TERRAFORM_REQUIRED_VERSION } from './terraform-version';

describe('required_version', () => {
  const app = Testing.app();
  buildPlatform(app, validateAll(loadEnvironmentFiles()), ciAccess ?? { repository: 'o/r' });
  const out = synthApp(app);

  it('is at least 1.10 (S3 lock files) on every stack the app writes', () => {
    expect(TERRAFORM_REQUIRED_VERSION).toBe('>= 1.10');
    const ids = out.stackIds();
    expect(ids).toEqual(expect.arrayContaining(['state', 'ci-access', 'dev-network', 'dev-cluster', 'dev-workloads']));
    for (const id of ids) expect([id, (out.stack(id).terraform as Record<string, unknown>).required_version]).toEqual([id, '>= 1.10']);
  });
});
