/**
 * Small hand-made synth outputs for the unit tests: a `net` stack changed in
 * several ways, an `app` stack that depends on it and does not change, a
 * `legacy` stack only on the base side and a `jobs` stack only on the head side.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Manifest, StackJson, Synth } from '../src/types';

const meta = (p: string) => ({ '//': { metadata: { path: p, uniqueId: p.split('/').pop() } } });

const trust = (sub: string) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { Service: 'eks.amazonaws.com' }, Condition: { StringEquals: { sub } } }],
  });

export function netBase(): StackJson {
  return {
    '//': { metadata: { stackName: 'net', version: '0.21.0' } },
    terraform: {
      backend: { s3: { bucket: 'state', key: 'dev/net.tfstate', encrypt: true } },
      required_providers: { aws: { source: 'aws', version: '6.25.0' } },
    },
    provider: { aws: [{ region: 'us-east-1' }] },
    resource: {
      aws_vpc: {
        network_vpc_4E8F0223: { ...meta('net/network/vpc'), cidr_block: '10.0.0.0/16', tags: { Name: 'dev', 'kubernetes.io/cluster/x': 'shared' } },
      },
      aws_subnet: {
        old_subnet: { ...meta('net/old_subnet'), cidr_block: '10.0.9.0/24', vpc_id: '${aws_vpc.network_vpc_4E8F0223.id}' },
      },
      aws_iam_role: {
        role: { ...meta('net/role'), name: 'r', assume_role_policy: trust('a') },
      },
      aws_security_group: {
        sg: { ...meta('net/sg'), ingress: [{ from_port: 443, to_port: 443, cidr_blocks: ['10.0.0.0/8'] }], instance_types: ['m5.large'] },
      },
      aws_secretsmanager_secret_version: {
        creds: { ...meta('net/creds'), secret_id: 'app/creds', secret_string: 'hunter2' },
      },
      kubernetes_secret_v1: {
        k8s: { ...meta('net/k8s'), metadata: { name: 'boomi-secret' }, data: { password: 'p1', account: 'acc' } },
      },
    },
    data: { aws_caller_identity: { me: { ...meta('net/me') } } },
    output: {
      vpc_id: { value: '${aws_vpc.network_vpc_4E8F0223.id}' },
      token_out: { value: 's1', sensitive: true },
    },
  };
}

export function netHead(): StackJson {
  const s = JSON.parse(JSON.stringify(netBase()));
  s['//'].metadata.version = '0.21.1'; // metadata only: never reported
  s.terraform.backend.s3.key = 'dev/network.tfstate';
  s.terraform.required_providers.aws.version = '6.26.0';
  s.resource.aws_vpc.network_vpc_4E8F0223.tags = { Name: 'dev', Owner: 'platform', 'kubernetes.io/cluster/x': 'owned' };
  delete s.resource.aws_subnet;
  s.resource.aws_subnet = { new_subnet: { ...meta('net/new_subnet'), cidr_block: '10.0.1.0/24' } };
  s.resource.aws_iam_role.role.assume_role_policy = trust('b');
  s.resource.aws_security_group.sg.ingress[0].cidr_blocks = ['10.0.0.0/8', '192.168.0.0/16'];
  s.resource.aws_security_group.sg.instance_types = ['m5.large', 'm5.xlarge'];
  s.resource.aws_secretsmanager_secret_version.creds.secret_string = 'hunter3';
  s.resource.kubernetes_secret_v1.k8s.data = { password: 'p2', account: 'acc' };
  s.output.token_out.value = 's2';
  s.output.cidr = { value: '10.0.0.0/16' };
  return s;
}

export const appStack: StackJson = {
  provider: { aws: [{ region: 'us-east-1' }] },
  resource: { aws_s3_bucket: { bucket: { ...meta('app/bucket'), bucket: 'b' } } },
};

export const legacyStack: StackJson = { resource: { aws_sns_topic: { q: { ...meta('legacy/q'), name: 'q' } } } };
export const jobsStack: StackJson = { resource: { aws_sns_topic: { jobs: { ...meta('jobs/jobs'), name: 'jobs' } } } };

export const baseManifest: Manifest = { stacks: { net: { dependencies: [] }, app: { dependencies: ['net'] }, legacy: { dependencies: ['net'] } } };
export const headManifest: Manifest = { stacks: { net: { dependencies: [] }, app: { dependencies: ['net'] }, jobs: { dependencies: ['app'] } } };

export function baseSynth(): Synth {
  return { stacks: new Map([['net', netBase()], ['app', appStack], ['legacy', legacyStack]]), manifest: baseManifest };
}

export function headSynth(): Synth {
  return { stacks: new Map([['net', netHead()], ['app', appStack], ['jobs', jobsStack]]), manifest: headManifest };
}

/** Writes a synth as a cdktf outdir (manifest.json + stacks/<id>/cdk.tf.json); returns the folder. */
export function writeOutdir(synth: Synth, dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-review-fixture-'))): string {
  const stacks: Record<string, unknown> = {};
  for (const [id, json] of synth.stacks) {
    fs.mkdirSync(path.join(dir, 'stacks', id), { recursive: true });
    fs.writeFileSync(path.join(dir, 'stacks', id, 'cdk.tf.json'), JSON.stringify(json));
    stacks[id] = { dependencies: synth.manifest.stacks[id]?.dependencies ?? [], synthesizedStackPath: `stacks/${id}/cdk.tf.json` };
  }
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ stacks, version: '0.21.0' }));
  return dir;
}
