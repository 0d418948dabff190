// The autoscaler's IAM policy, checked for what it permits rather than for its
// text: a small evaluator answers "may the autoscaler do X to this ASG?", and
// the properties below hold for any cluster name (a token included).
import { clusterAutoscalerPolicy, type PolicyDocument } from './autoscaler-iam';

type Statement = PolicyDocument['Statement'][number];

/** Read-only by the AWS naming convention: Describe*, Get*, List*. */
const isRead = (action: string) => /^[a-z0-9-]+:(Describe|Get|List)[A-Za-z]*$/.test(action);

/** Whether the statement's conditions hold for a resource with these tags (StringEquals on aws:ResourceTag only). */
function conditionsHold(s: Statement, tags: Readonly<Record<string, string>>): boolean {
  for (const [operator, entries] of Object.entries(s.Condition ?? {})) {
    if (operator !== 'StringEquals') return false; // an operator this evaluator does not know: treat as not granted
    for (const [key, value] of Object.entries(entries)) {
      const tag = /^aws:ResourceTag\/(.+)$/.exec(key);
      if (!tag || tags[tag[1]] !== value) return false;
    }
  }
  return true;
}

/** IAM evaluation for one action on one resource (any ARN: every statement here is on `*` or has no resource scoping). */
function allowed(doc: PolicyDocument, action: string, tags: Readonly<Record<string, string>> = {}): boolean {
  const matches = (s: Statement) => s.Action.includes(action) && conditionsHold(s, tags);
  if (doc.Statement.some((s) => s.Effect === 'Deny' && matches(s))) return false;
  return doc.Statement.some((s) => s.Effect === 'Allow' && matches(s));
}

const CLUSTERS = ['prod-boomi-molecule', 'dev', '${aws_eks_cluster.cluster.name}'];
const SCALING = ['autoscaling:SetDesiredCapacity', 'autoscaling:TerminateInstanceInAutoScalingGroup'];
const ownedBy = (cluster: string) => ({ [`k8s.io/cluster-autoscaler/${cluster}`]: 'owned', 'k8s.io/cluster-autoscaler/enabled': 'true' });

describe.each(CLUSTERS)('the cluster-autoscaler policy for cluster %s', (cluster) => {
  const doc = clusterAutoscalerPolicy(cluster);
  const actions = doc.Statement.flatMap((s) => s.Action);

  it('may scale and terminate in ASGs tagged as owned by this cluster', () => {
    for (const action of SCALING) expect({ action, allowed: allowed(doc, action, ownedBy(cluster)) }).toEqual({ action, allowed: true });
  });

  it("may not scale ASGs of another cluster, untagged ASGs, or ASGs tagged with another value than 'owned'", () => {
    for (const action of SCALING) {
      expect(allowed(doc, action, ownedBy('some-other-cluster'))).toBe(false);
      expect(allowed(doc, action, {})).toBe(false);
      expect(allowed(doc, action, { [`k8s.io/cluster-autoscaler/${cluster}`]: 'shared' })).toBe(false);
    }
  });

  it('grants no write action on `*` without the cluster tag condition', () => {
    const writes = doc.Statement.filter((s) => s.Effect === 'Allow' && s.Action.some((a) => !isRead(a)));
    expect(writes.length).toBeGreaterThan(0);
    for (const s of writes) {
      expect({ sid: s.Sid, condition: s.Condition }).toEqual({
        sid: s.Sid,
        condition: { StringEquals: { [`aws:ResourceTag/k8s.io/cluster-autoscaler/${cluster}`]: 'owned' } },
      });
    }
    // every unconditioned statement is read-only
    const open = doc.Statement.filter((s) => s.Condition === undefined).flatMap((s) => s.Action);
    expect(open.filter((a) => !isRead(a))).toEqual([]);
  });

  it('can discover node groups wherever they are (ASG and node group reads are unconditioned)', () => {
    for (const action of ['autoscaling:DescribeAutoScalingGroups', 'autoscaling:DescribeAutoScalingInstances', 'eks:DescribeNodegroup']) {
      expect({ action, allowed: allowed(doc, action) }).toEqual({ action, allowed: true });
    }
  });

  it('names no wildcard action, no service outside autoscaling/ec2/eks, and no write outside autoscaling', () => {
    expect(actions.filter((a) => a.includes('*'))).toEqual([]);
    expect(actions.filter((a) => !/^(autoscaling|ec2|eks):/.test(a))).toEqual([]);
    expect(actions.filter((a) => !isRead(a) && !a.startsWith('autoscaling:'))).toEqual([]);
  });
});

// clusterAutoscalerPolicyJson (the jsonencode form an IAM resource takes, with a literal or a
// referenced cluster name) is decoded and checked in cluster-autoscaler-identity.spec.ts.
