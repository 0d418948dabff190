import { IAM_POLICY_VERSION, POD_IDENTITY_SERVICE_PRINCIPAL, podIdentityTrustPolicy, serviceTrustPolicy } from './trust-policy';

describe('serviceTrustPolicy', () => {
  it('lets one service assume the role with the plain sts:AssumeRole action', () => {
    expect(serviceTrustPolicy('ec2.amazonaws.com')).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    });
  });

  it('adds sts:TagSession as a list when asked', () => {
    expect(serviceTrustPolicy('eks.amazonaws.com', { tagSession: true }).Statement).toEqual([
      { Effect: 'Allow', Principal: { Service: 'eks.amazonaws.com' }, Action: ['sts:AssumeRole', 'sts:TagSession'] },
    ]);
  });

  it('keeps the key order IAM documents are written in (the synthesized JSON depends on it)', () => {
    const doc = serviceTrustPolicy('vpc-flow-logs.amazonaws.com');
    expect(Object.keys(doc)).toEqual(['Version', 'Statement']);
    expect(Object.keys(doc.Statement[0])).toEqual(['Effect', 'Principal', 'Action']);
  });

  it.each(['ec2', 'arn:aws:iam::123456789012:root', '*', ''])('refuses %j as a service principal, naming it', (service) => {
    expect(() => serviceTrustPolicy(service)).toThrow(`serviceTrustPolicy service (${service}) must be an AWS service principal`);
  });

  it('leaves a principal built from a cdktf token to IAM', () => {
    const service = 'logs.${TfToken[TOKEN.4]}.amazonaws.com';
    expect(serviceTrustPolicy(service).Statement[0].Principal.Service).toBe(service);
  });

  it('returns a fresh document each time', () => {
    expect(serviceTrustPolicy('ec2.amazonaws.com')).not.toBe(serviceTrustPolicy('ec2.amazonaws.com'));
  });
});

describe('podIdentityTrustPolicy', () => {
  it('trusts pods.eks.amazonaws.com with AssumeRole and TagSession', () => {
    expect(POD_IDENTITY_SERVICE_PRINCIPAL).toBe('pods.eks.amazonaws.com');
    expect(podIdentityTrustPolicy()).toEqual({
      Version: IAM_POLICY_VERSION,
      Statement: [{ Effect: 'Allow', Principal: { Service: 'pods.eks.amazonaws.com' }, Action: ['sts:AssumeRole', 'sts:TagSession'] }],
    });
  });
});
