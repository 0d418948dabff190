// Policy: everything at rest is encrypted — node volumes (EBS), the Molecule's
// file system (EFS), Kubernetes Secrets in etcd (KMS envelope encryption), S3
// buckets and every Terraform state file.
import { blocks, resourcesNamed, synthesizePlatform } from './platform-under-test';

const platform = synthesizePlatform();
const stacks = platform.stacks.map((s) => [s.id, s] as const);

describe.each(stacks)('%s', (_id, stack) => {
  const json = stack.json;

  it('encrypts every EBS volume of every launch template', () => {
    for (const { name, body } of resourcesNamed(json, 'aws_launch_template')) {
      const devices = blocks(body.block_device_mappings);
      expect({ name, devices: devices.length > 0 }).toEqual({ name, devices: true });
      for (const d of devices) {
        // The provider's type for this field is a string: 'true', not true.
        expect({ name, device: d.device_name, encrypted: blocks(d.ebs)[0]?.encrypted }).toEqual({ name, device: d.device_name, encrypted: 'true' });
      }
    }
  });

  it('encrypts every EFS file system', () => {
    for (const { name, body } of resourcesNamed(json, 'aws_efs_file_system')) {
      expect({ name, encrypted: body.encrypted }).toEqual({ name, encrypted: true });
    }
  });

  it('envelope-encrypts Kubernetes Secrets of every EKS cluster with a rotating KMS key of this stack', () => {
    const keys = Object.fromEntries(resourcesNamed(json, 'aws_kms_key').map((k) => [k.name, k.body]));
    for (const { name, body } of resourcesNamed(json, 'aws_eks_cluster')) {
      const [config, ...more] = blocks(body.encryption_config);
      expect({ name, configs: more.length + (config ? 1 : 0), resources: config?.resources }).toEqual({ name, configs: 1, resources: ['secrets'] });
      const keyArn = blocks(config.provider)[0]?.key_arn as string;
      const key = /^\$\{aws_kms_key\.([A-Za-z0-9_-]+)\.arn\}$/.exec(keyArn)?.[1];
      expect({ name, keyArn, keyInStack: key !== undefined && key in keys }).toEqual({ name, keyArn, keyInStack: true });
      expect(keys[key!].enable_key_rotation).toBe(true);
    }
  });

  it('encrypts every S3 bucket by default (SSE configuration on the bucket)', () => {
    const sse = resourcesNamed(json, 'aws_s3_bucket_server_side_encryption_configuration').map((r) => r.body);
    for (const { name } of resourcesNamed(json, 'aws_s3_bucket')) {
      const config = sse.find((c) => c.bucket === `\${aws_s3_bucket.${name}.id}` || c.bucket === `\${aws_s3_bucket.${name}.bucket}`);
      expect({ bucket: name, sse: config !== undefined }).toEqual({ bucket: name, sse: true });
      const rule = blocks(config!.rule)[0];
      const algorithm = blocks(rule.apply_server_side_encryption_by_default)[0]?.sse_algorithm;
      expect(['aws:kms', 'aws:kms:dsse', 'AES256']).toContain(algorithm);
    }
  });

  it('encrypts its own state and every state it reads (S3 backend and remote state: encrypt true)', () => {
    const s3 = json.terraform?.backend?.s3;
    if (s3) expect(s3.encrypt).toBe(true);
    for (const [name, remote] of Object.entries(json.data?.terraform_remote_state ?? {})) {
      if (remote.backend === 's3') expect({ name, encrypt: remote.config.encrypt }).toEqual({ name, encrypt: true });
    }
  });
});

describe('the state stack', () => {
  const state = platform.stacks.find((s) => s.kind === 'state')!;

  it('creates the state bucket, with default encryption, that every environment names', () => {
    const buckets = resourcesNamed(state.json, 'aws_s3_bucket').map((b) => b.body.bucket);
    expect(buckets).toEqual([...new Set(platform.envs.map((e) => e.state.bucket))]);
    expect(resourcesNamed(state.json, 'aws_s3_bucket_server_side_encryption_configuration')).toHaveLength(1);
  });
});

describe('node groups', () => {
  it('run on a launch template of their stack, one per configured group, so the EBS policy covers their volumes', () => {
    for (const env of platform.envs) {
      const cluster = platform.stacks.find((s) => s.env === env && s.kind === 'cluster')!;
      const groups = resourcesNamed(cluster.json, 'aws_eks_node_group');
      expect(groups).toHaveLength(env.nodeGroups.length);
      for (const { name, body } of groups) {
        const lt = /^\$\{aws_launch_template\.([A-Za-z0-9_-]+)\.id\}$/.exec(blocks(body.launch_template)[0]?.id)?.[1];
        expect({ group: name, launchTemplate: lt !== undefined && lt in (cluster.json.resource?.aws_launch_template ?? {}) }).toEqual({
          group: name,
          launchTemplate: true,
        });
      }
    }
  });
});
