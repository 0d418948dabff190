// Policy (issue 17): every KMS key has an explicit key policy; with
// encryption.customerManagedKeys (the default) every log group and the EFS
// file system are on a customer-managed key of their own stack.
import { resourcesNamed, synthesizePlatform } from './platform-under-test';

const platform = synthesizePlatform();
const stacks = platform.stacks.filter((s) => s.env).map((s) => [s.id, s] as const);

describe.each(stacks)('%s', (_id, stack) => {
  it('every KMS key has an explicit key policy and rotation', () => {
    for (const { name, body } of resourcesNamed(stack.json, 'aws_kms_key')) {
      expect({ name, policy: typeof body.policy, rotation: body.enable_key_rotation }).toEqual({ name, policy: 'string', rotation: true });
    }
  });

  it('every log group and file system is on a key of this stack', () => {
    const keys = resourcesNamed(stack.json, 'aws_kms_key').map((k) => `\${aws_kms_key.${k.name}.arn}`);
    const expectOn = stack.env!.encryption.customerManagedKeys;
    for (const type of ['aws_cloudwatch_log_group', 'aws_efs_file_system']) {
      for (const { name, body } of resourcesNamed(stack.json, type)) {
        expect({ type, name, onOwnKey: keys.includes(body.kms_key_id) }).toEqual({ type, name, onOwnKey: expectOn });
      }
    }
  });
});
