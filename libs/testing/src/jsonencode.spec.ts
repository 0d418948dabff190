import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { Fn, TerraformStack, Testing } from 'cdktf';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { decodeJsonencode, isJsonencode } from './jsonencode';
import { onlyResource, synthConstruct } from './synth';

describe('decodeJsonencode', () => {
  const document = (bucketArn: string, bucketName: string) => ({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'A',
        Effect: 'Deny',
        Principal: '*',
        Action: ['s3:*'],
        Resource: [bucketArn, `${bucketArn}/*`],
        Condition: { Bool: { 'aws:SecureTransport': 'false' }, NumericLessThan: { 's3:TlsVersion': 1.2 } },
      },
      { Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { StringEquals: Fn.zipmap([Fn.join('', ['tag/', bucketName])], ['owned']) } },
      { Effect: 'Allow', Action: 's3:ListBucket', Resource: '*', NotPrincipal: null, Bool: true },
    ],
  });

  it('reads back what cdktf synthesized for Fn.jsonencode, references as ${...} strings', () => {
    const { json } = synthConstruct((s) => {
      const bucket = new S3Bucket(s, 'b', { bucket: 'x' });
      new IamRolePolicy(s, 'p', { role: 'r', policy: Fn.jsonencode(document(bucket.arn, bucket.bucket)) });
    });
    const policy = onlyResource(json, IamRolePolicy.tfResourceType).policy;
    expect(isJsonencode(policy)).toBe(true);
    expect(decodeJsonencode(policy)).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'A',
          Effect: 'Deny',
          Principal: '*',
          Action: ['s3:*'],
          Resource: ['${aws_s3_bucket.b.arn}', '${aws_s3_bucket.b.arn}/*'],
          Condition: { Bool: { 'aws:SecureTransport': 'false' }, NumericLessThan: { 's3:TlsVersion': 1.2 } },
        },
        { Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { StringEquals: { 'tag/${aws_s3_bucket.b.bucket}': 'owned' } } },
        { Effect: 'Allow', Action: 's3:ListBucket', Resource: '*', NotPrincipal: null, Bool: true },
      ],
    });
  });

  it('reads back booleans, null, numbers, list conditions and keys with colons', () => {
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
    expect(decodeJsonencode(synthesized)).toEqual({
      ...doc,
      Statement: [{ ...doc.Statement[0], Principal: { AWS: '${aws_iam_role.a.arn}' } }],
    });
  });

  it('refuses a JSON-string policy, naming the fix', () => {
    expect(() => decodeJsonencode(JSON.stringify({ Version: '2012-10-17' }))).toThrow(/built with Fn.jsonencode/);
    expect(isJsonencode('{"Version":"2012-10-17"}')).toBe(false);
  });

  it('reports where it cannot parse', () => {
    expect(() => decodeJsonencode('${jsonencode({"a" = })}')).toThrow(/expected a value at offset/);
    expect(() => decodeJsonencode('${jsonencode(lookup(x, "y"))}')).toThrow(/unsupported call lookup/);
  });

});
