import { isSensitivePath, needsMask } from './mask';
import type { Block, BlockKind } from './types';

const block = (kind: BlockKind, type: string, config: unknown = {}): Block => ({ kind, address: `${type}.x`, type, config });

describe('isSensitivePath', () => {
  it('masks the value of an output marked sensitive on either side', () => {
    const plain = block('output', '', { value: 'a' });
    const secret = block('output', '', { value: 'a', sensitive: true });
    expect(isSensitivePath(secret, secret, ['value'])).toBe(true);
    expect(isSensitivePath(plain, secret, ['value'])).toBe(true);
    expect(isSensitivePath(secret, plain, ['value'])).toBe(true);
    expect(isSensitivePath(plain, plain, ['value'])).toBe(false);
    expect(isSensitivePath(secret, secret, ['description'])).toBe(false);
  });

  it('masks the data of a Kubernetes Secret and any password/token/secret key in it', () => {
    for (const type of ['kubernetes_secret_v1', 'kubernetes_secret']) {
      const s = block('resource', type);
      expect(isSensitivePath(s, s, ['data'])).toBe(true);
      expect(isSensitivePath(s, s, ['data', 'account'])).toBe(true);
      expect(isSensitivePath(s, s, ['binary_data', 'k'])).toBe(true);
      expect(isSensitivePath(s, s, ['metadata', 'annotations', 'api-token'])).toBe(true);
      expect(isSensitivePath(s, s, ['metadata', 'name'])).toBe(false);
      expect(isSensitivePath(s, s, ['type'])).toBe(false);
    }
  });

  it('masks a Secret written as kubernetes_manifest, not other manifests', () => {
    const secret = block('resource', 'kubernetes_manifest', { manifest: { kind: 'Secret' } });
    const cm = block('resource', 'kubernetes_manifest', { manifest: { kind: 'ConfigMap' } });
    expect(isSensitivePath(secret, secret, ['manifest', 'data', 'password'])).toBe(true);
    expect(isSensitivePath(secret, secret, ['manifest', 'stringData'])).toBe(true);
    expect(isSensitivePath(cm, cm, ['manifest', 'data', 'x'])).toBe(false);
  });

  it('masks secret values of aws_secretsmanager_*, not their names', () => {
    const v = block('resource', 'aws_secretsmanager_secret_version');
    expect(isSensitivePath(v, v, ['secret_string'])).toBe(true);
    expect(isSensitivePath(v, v, ['secret_string_wo'])).toBe(true);
    expect(isSensitivePath(v, v, ['secret_binary'])).toBe(true);
    expect(isSensitivePath(v, v, ['secret_id'])).toBe(false);
  });

  it('masks passwords, private keys, helm set_sensitive and write-only attributes in any block', () => {
    const db = block('resource', 'aws_db_instance');
    expect(isSensitivePath(db, db, ['password'])).toBe(true);
    expect(isSensitivePath(db, db, ['password_wo'])).toBe(true);
    const helm = block('resource', 'helm_release');
    expect(isSensitivePath(helm, helm, ['set_sensitive', 0, 'value'])).toBe(true);
    const lt = block('resource', 'aws_launch_template');
    expect(isSensitivePath(lt, lt, ['metadata_options', 'http_tokens'])).toBe(false);
  });
});

describe('needsMask', () => {
  it('masks a whole added object that holds a secret inside', () => {
    const db = block('resource', 'aws_db_instance');
    expect(needsMask(db, db, ['settings'], [{ user: 'u', password: 'p' }])).toBe(true);
    expect(needsMask(db, db, ['settings'], [{ user: 'u' }])).toBe(false);
  });
});
