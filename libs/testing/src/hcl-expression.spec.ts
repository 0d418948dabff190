import { Fn, TerraformStack, Testing } from 'cdktf';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { parseJsonencode } from './hcl-expression';

describe('parseJsonencode', () => {
  it('reads back what Fn.jsonencode synthesizes, references as whole ${...} strings', () => {
    const stack = new TerraformStack(Testing.app(), 's');
    const first = new IamRole(stack, 'a', { name: 'a', assumeRolePolicy: '{}' });
    const doc = {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: ['s3:GetObject', 'kms:Decrypt'],
          Resource: 'arn:aws:secretsmanager:us-east-1:1:secret:x-??????',
          Principal: { AWS: first.arn },
          Condition: { StringEquals: { 'a:b': ['1', 'repo:o/r:pull_request'] }, NumericLessThan: { n: 3 } },
          Flag: true,
          Nothing: null,
        },
      ],
    };
    new IamRole(stack, 'b', { name: 'b', assumeRolePolicy: Fn.jsonencode(doc) });
    const synthesized = JSON.parse(Testing.synth(stack)).resource.aws_iam_role.b.assume_role_policy;
    expect(synthesized).toMatch(/^\$\{jsonencode\(/);
    expect(parseJsonencode(synthesized)).toEqual({
      ...doc,
      Statement: [{ ...doc.Statement[0], Principal: { AWS: '${aws_iam_role.a.arn}' } }],
    });
  });

  it('refuses anything else, saying what it got', () => {
    expect(() => parseJsonencode('{"Version":"2012-10-17"}')).toThrow('not a ${jsonencode(...)} expression');
    expect(() => parseJsonencode('${jsonencode({"a" = [1, 2})}')).toThrow("expected ',' or ']'");
  });
});
