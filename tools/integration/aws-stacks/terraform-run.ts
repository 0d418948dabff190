/**
 * The run's copy of a synthesized stack, and Terraform in it: the AWS
 * provider from the filesystem mirror (a CLI config written for the run), the
 * aws version constraint set to the mirrored version, 6.x-only arguments
 * stripped, and every emulator setting in one override file
 * (`moto_override.tf.json`). The synthesized output is never touched.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { stripProviderOnlyArguments } from './provider-compat';

type Json = Record<string, any>;

/** AWS services the stacks call, all pointed at the emulator. */
export const MOTO_SERVICES = ['ec2', 's3', 'iam', 'sts', 'logs', 'kms', 'eks', 'efs'] as const;

export interface RunContext {
  readonly terraform: string;
  /** The run's scratch folder (CLI config, plugin cache, stack copies). */
  readonly workDir: string;
  readonly mirrorDir: string;
  readonly awsVersion: string;
  readonly motoUrl: string;
  /** moto's certificate: the only CA Terraform trusts in this run. */
  readonly caFile: string;
}

/** Writes the run's Terraform CLI config: hashicorp/aws only from the mirror. */
export function writeCliConfig(ctx: RunContext): string {
  const file = path.join(ctx.workDir, 'terraform.tfrc');
  const cache = path.join(ctx.workDir, 'plugin-cache');
  fs.mkdirSync(cache, { recursive: true });
  fs.writeFileSync(
    file,
    [
      `plugin_cache_dir = ${JSON.stringify(cache)}`,
      'provider_installation {',
      `  filesystem_mirror {`,
      `    path    = ${JSON.stringify(ctx.mirrorDir)}`,
      '    include = ["registry.terraform.io/hashicorp/aws"]',
      '  }',
      '  direct {',
      '    exclude = ["registry.terraform.io/hashicorp/aws"]',
      '  }',
      '}',
      '',
    ].join('\n'),
  );
  return file;
}

/** The child environment of every Terraform run: built from scratch, fake credentials. */
export function terraformEnv(ctx: RunContext): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    TF_CLI_CONFIG_FILE: path.join(ctx.workDir, 'terraform.tfrc'),
    TF_IN_AUTOMATION: '1',
    CHECKPOINT_DISABLE: '1',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    AWS_REGION: 'us-east-1',
    SSL_CERT_FILE: ctx.caFile,
    NO_PROXY: '127.0.0.1',
  };
}

/** S3 settings that point a backend or a remote state at the emulator. */
export function s3EmulatorSettings(motoUrl: string): Json {
  return {
    endpoints: { s3: motoUrl, sts: motoUrl, iam: motoUrl },
    use_path_style: true,
    skip_credentials_validation: true,
    skip_region_validation: true,
    skip_requesting_account_id: true,
    skip_metadata_api_check: true,
    skip_s3_checksum: true,
    access_key: 'test',
    secret_key: 'test',
  };
}

/**
 * The override file: the provider's endpoints and fake credentials, the S3
 * backend and every terraform_remote_state pointed at the emulated bucket.
 * `remoteStatePlaceholders` points a remote state at a local state file of
 * placeholder outputs instead (plan-only stacks whose producer was not applied).
 */
export function motoOverride(stack: Json, motoUrl: string, remoteStatePlaceholders?: Record<string, string>): Json {
  const override: Json = {
    provider: {
      aws: [
        {
          access_key: 'test',
          secret_key: 'test',
          // the account ID is asked of the emulated STS (moto's is 123456789012,
          // the shipped environments' too), so allowed_account_ids is checked for real
          skip_credentials_validation: true,
          skip_metadata_api_check: true,
          s3_use_path_style: true,
          endpoints: [Object.fromEntries(MOTO_SERVICES.map((s) => [s, motoUrl]))],
        },
      ],
    },
  };
  const s3 = stack.terraform?.backend?.s3;
  if (s3) override.terraform = { backend: { s3: { ...s3, ...s3EmulatorSettings(motoUrl) } } };
  const remotes = stack.data?.terraform_remote_state ?? {};
  if (Object.keys(remotes).length > 0) {
    override.data = {
      terraform_remote_state: Object.fromEntries(
        Object.entries<Json>(remotes).map(([name, r]) => [
          name,
          remoteStatePlaceholders?.[name]
            ? { backend: 'local', config: { path: remoteStatePlaceholders[name] } }
            : { config: { ...r.config, ...s3EmulatorSettings(motoUrl) } },
        ]),
      ),
    };
  }
  return override;
}

/** What the run changed in its copy of a stack (printed, never silent). */
export interface PreparedStack {
  readonly id: string;
  readonly dir: string;
  readonly json: Json;
  readonly stripped: readonly string[];
}

/**
 * Copies a synthesized stack into the run's folder: the aws version
 * constraint set to the mirrored version, the table's 6.x-only arguments
 * removed, and the emulator override beside it.
 */
export function prepareStack(ctx: RunContext, synthDir: string, id: string, remoteStatePlaceholders?: Record<string, string>): PreparedStack {
  const json = JSON.parse(fs.readFileSync(path.join(synthDir, id, 'cdk.tf.json'), 'utf8')) as Json;
  const aws = json.terraform?.required_providers?.aws;
  if (!aws) throw new Error(`${id}: no aws provider in required_providers`);
  aws.version = ctx.awsVersion;
  const stripped = stripProviderOnlyArguments(json);
  const dir = path.join(ctx.workDir, 'stacks', id);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'cdk.tf.json'), JSON.stringify(json, null, 2));
  fs.writeFileSync(path.join(dir, 'moto_override.tf.json'), JSON.stringify(motoOverride(json, ctx.motoUrl, remoteStatePlaceholders), null, 2));
  return { id, dir, json, stripped };
}

export interface TfResult {
  readonly code: number;
  readonly output: string;
  readonly seconds: number;
}

let runs = 0;

/** Runs terraform in a folder; stdout and stderr together, never thrown. */
export function tf(ctx: RunContext, dir: string, args: readonly string[], timeoutMs = 600_000, extraEnv: NodeJS.ProcessEnv = {}): Promise<TfResult> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(ctx.terraform, ['-chdir=' + dir, ...args], { env: { ...terraformEnv(ctx), ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = setTimeout(() => child.kill('SIGTERM'), timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      // every run's output is kept beside the stacks (AWS_STACKS_KEEP=1 keeps the folder)
      const logs = path.join(ctx.workDir, 'logs');
      fs.mkdirSync(logs, { recursive: true });
      fs.writeFileSync(path.join(logs, `${String(++runs).padStart(3, '0')}-${path.basename(dir)}-${args[0]}.log`), output);
      resolve({ code: code ?? -1, output, seconds: (Date.now() - started) / 1000 });
    });
  });
}

/** The last lines of a Terraform output, for a failure message. */
export function tail(output: string, lines = 40): string {
  return output.split('\n').slice(-lines).join('\n');
}
