// Deploy truth: every AWS stack with the real AWS provider (hashicorp/aws from
// the machine's filesystem mirror) against a local AWS emulator (moto):
//   a. terraform validate, every AWS stack (state, ci-access, <env>-network, <env>-cluster);
//   b. apply in dependency order (state → network → cluster → ci-access) with the
//      real S3 backend and terraform_remote_state reading the emulated bucket; the
//      state stack through its real bootstrap (tools/deploy/bootstrap-state.sh);
//   c. a second plan -detailed-exitcode right after each apply: no changes;
//   d. destroy in reverse, then nothing of ours is left in the emulator.
// Resource types moto cannot create (moto-gaps.ts) and what needs them are
// validated and planned, not applied. Environments in AWS_STACKS_APPLY_ENVS
// (default `dev`) are applied; the others are validated and planned (see
// docs/verification.md for why). Run: `npx nx run integration:aws-stacks`.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { findProviderMirror, findTerraform, motoImportable, requireOrSkip, type Missing } from '../lib/requirements';
import { PROVIDER_6X_ONLY, schemaHasPath, stripProviderOnlyArguments } from './provider-compat';
import { exclusions, inlineExcludedLiterals, MOTO_DESTROY_GAPS, MOTO_GAPS, MOTO_REPLAN_GAPS, resourceAddresses } from './moto-gaps';
import { emptyBucket, inventory, leftovers, startMoto, type Inventory, type Moto } from './moto';
import { prepareStack, tail, terraformEnv, tf, writeCliConfig, type PreparedStack, type RunContext } from './terraform-run';

const CHECK = 'integration:aws-stacks';
const repoRoot = path.resolve(__dirname, '../../..');
const synthDir = path.join(repoRoot, 'cdktf.out', 'stacks');
const bootstrapScript = path.join(repoRoot, 'tools/deploy/bootstrap-state.sh');

const terraform = findTerraform();
const mirror = findProviderMirror();
const missing: Missing[] = [];
if (!terraform) missing.push({ what: 'terraform not found', fix: 'put terraform ≥ 1.10 on PATH or set TERRAFORM_BIN' });
if (!mirror) missing.push({ what: 'no hashicorp/aws provider mirror found', fix: 'set TF_PROVIDER_MIRROR to the folder holding registry.terraform.io/' });
if (!motoImportable()) missing.push({ what: 'moto server not importable', fix: 'run bash tools/integration/scripts/install-moto.sh' });

function ensureSynth(): void {
  if (fs.existsSync(path.join(synthDir, 'state', 'cdk.tf.json'))) return;
  const r = spawnSync('npm', ['run', 'synth'], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, CI: 'true', CHECKPOINT_DISABLE: '1' } });
  if (r.status !== 0) throw new Error(`npm run synth failed:\n${r.stdout}\n${r.stderr}`);
}

/** Environments: the prefixes of the synthesized `<env>-network` stacks. */
function environments(): string[] {
  ensureSynth();
  return fs
    .readdirSync(synthDir)
    .filter((s) => s.endsWith('-network'))
    .map((s) => s.slice(0, -'-network'.length))
    .sort();
}

interface Row {
  validate?: string;
  applied?: number;
  excluded?: number;
  replan?: string;
  destroy?: string;
  seconds: number;
}

if (requireOrSkip(CHECK, missing)) {
  const envs = environments();
  const applyEnvs = (process.env.AWS_STACKS_APPLY_ENVS ?? 'dev').split(',').filter((e) => envs.includes(e));
  const planEnvs = envs.filter((e) => !applyEnvs.includes(e));
  const hasCi = fs.existsSync(path.join(synthDir, 'ci-access', 'cdk.tf.json'));
  const awsStacks = ['state', ...envs.flatMap((e) => [`${e}-network`, `${e}-cluster`]), ...(hasCi ? ['ci-access'] : [])];

  const rows = new Map<string, Row>(awsStacks.map((s) => [s, { seconds: 0 }]));
  const prepared = new Map<string, PreparedStack>();
  const failed = new Set<string>();
  /** Stacks whose apply started: each is destroyed, whatever happened after. */
  const attempted = new Set<string>();
  let ctx: RunContext;
  let moto: Moto;
  let before: Inventory;
  const started = Date.now();

  /** Addresses to apply: all, or `-target`s for those moto can create. */
  const targetsOf = (p: PreparedStack): string[] => {
    const excluded = exclusions(p.json);
    return excluded.size === 0 ? [] : resourceAddresses(p.json).filter((a) => !excluded.has(a)).map((a) => `-target=${a}`);
  };
  const note = (id: string, r: { seconds: number }) => (rows.get(id)!.seconds += r.seconds);
  const progress = (line: string) => process.stderr.write(`[aws-stacks ${Math.round((Date.now() - started) / 1000)}s] ${line}\n`);

  /** Runs a step; a failure marks the stack so later steps say why they cannot run. */
  const step = async (id: string, needs: readonly string[], body: () => Promise<void>) => {
    const blocked = needs.filter((n) => failed.has(n));
    if (blocked.length > 0) {
      failed.add(id);
      throw new Error(`${id}: not run, ${blocked.join(', ')} failed before`);
    }
    try {
      await body();
    } catch (e) {
      failed.add(id);
      throw e;
    }
  };

  const initWithBackend = async (p: PreparedStack) => {
    const r = await tf(ctx, p.dir, ['init', '-input=false', '-reconfigure', '-no-color']);
    note(p.id, r);
    if (r.code !== 0) throw new Error(`${p.id}: terraform init (emulated S3 backend) failed:\n${tail(r.output)}`);
  };

  /** The apply's copy: literals of what moto cannot create inlined (printed), file rewritten. */
  const inlineForApply = (p: PreparedStack) => {
    for (const r of inlineExcludedLiterals(p.json)) progress(`${p.id}: for the apply, ${r} (its configured value)`);
    fs.writeFileSync(path.join(p.dir, 'cdk.tf.json'), JSON.stringify(p.json, null, 2));
  };

  const apply = async (p: PreparedStack) => {
    attempted.add(p.id);
    inlineForApply(p);
    await initWithBackend(p);
    const targets = targetsOf(p);
    const r = await tf(ctx, p.dir, ['apply', '-input=false', '-auto-approve', '-no-color', '-parallelism=20', ...targets], 900_000);
    note(p.id, r);
    if (r.code !== 0) throw new Error(`${p.id}: terraform apply failed:\n${tail(r.output, 60)}`);
    recordApplied(p);
  };

  const recordApplied = (p: PreparedStack) => {
    const excluded = exclusions(p.json);
    const row = rows.get(p.id)!;
    row.applied = resourceAddresses(p.json).length - excluded.size;
    row.excluded = excluded.size;
    progress(`${p.id}: applied ${row.applied}, excluded ${row.excluded}`);
  };

  const replan = async (p: PreparedStack) => {
    const excluded = exclusions(p.json);
    const applied = resourceAddresses(p.json).filter((a) => !excluded.has(a));
    const unchecked = applied.filter((a) => MOTO_REPLAN_GAPS[a.split('.')[0]]);
    for (const a of unchecked) progress(`${p.id}: re-plan leaves out ${a}: ${MOTO_REPLAN_GAPS[a.split('.')[0]]}`);
    const targets = excluded.size === 0 && unchecked.length === 0 ? [] : applied.filter((a) => !unchecked.includes(a)).map((a) => `-target=${a}`);
    const r = await tf(ctx, p.dir, ['plan', '-input=false', '-detailed-exitcode', '-no-color', '-parallelism=20', ...targets], 600_000);
    note(p.id, r);
    const row = rows.get(p.id)!;
    row.replan = r.code === 0 ? (unchecked.length ? `no changes (${unchecked.length} unchecked)` : 'no changes') : r.code === 2 ? 'CHANGES' : 'error';
    progress(`${p.id}: re-plan ${row.replan}`);
    if (r.code === 2) throw new Error(`${p.id}: the plan right after apply is not empty (a perpetual diff every user would see):\n${tail(r.output, 80)}`);
    if (r.code !== 0) throw new Error(`${p.id}: terraform plan failed:\n${tail(r.output)}`);
  };

  const destroy = async (p: PreparedStack) => {
    const listed = await tf(ctx, p.dir, ['state', 'list']);
    note(p.id, listed);
    const undeletable = listed.output.split('\n').filter((a) => MOTO_DESTROY_GAPS[a.split('.')[0]]);
    for (const a of undeletable) {
      progress(`${p.id}: state rm ${a} before the destroy: ${MOTO_DESTROY_GAPS[a.split('.')[0]]}`);
      const rm = await tf(ctx, p.dir, ['state', 'rm', a]);
      note(p.id, rm);
      if (rm.code !== 0) throw new Error(`${p.id}: terraform state rm ${a} failed:\n${tail(rm.output)}`);
    }
    const r = await tf(ctx, p.dir, ['destroy', '-input=false', '-auto-approve', '-no-color', '-parallelism=20'], 900_000);
    note(p.id, r);
    rows.get(p.id)!.destroy = r.code === 0 ? 'ok' : 'FAILED';
    progress(`${p.id}: destroy ${rows.get(p.id)!.destroy}`);
    if (r.code !== 0) throw new Error(`${p.id}: terraform destroy failed:\n${tail(r.output, 60)}`);
  };

  /**
   * For a consumer whose producer was only planned: per remote state, a local
   * state file holding the producer's outputs with placeholder values.
   */
  const placeholderStates = (consumer: string): Record<string, string> => {
    const read = (s: string) => JSON.parse(fs.readFileSync(path.join(synthDir, s, 'cdk.tf.json'), 'utf8'));
    const out: Record<string, string> = {};
    for (const [name, remote] of Object.entries<any>(read(consumer).data?.terraform_remote_state ?? {})) {
      const producer = fs.readdirSync(synthDir).find((s) => read(s).terraform?.backend?.s3?.key === remote.config.key);
      if (!producer) continue;
      const outputs = Object.fromEntries(
        Object.keys(read(producer).output ?? {}).map((o) => {
          const value = /subnet/.test(o) ? 'subnet-0placeholder' : /vpc/.test(o) ? 'vpc-0placeholder' : /security/.test(o) ? 'sg-0placeholder' : 'placeholder';
          return [o, { value, type: 'string' }];
        }),
      );
      const file = path.join(ctx.workDir, 'placeholders', `${producer}.tfstate`);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, JSON.stringify({ version: 4, terraform_version: '1.10.0', serial: 1, lineage: 'placeholder', outputs, resources: [] }));
      out[name] = file;
    }
    return out;
  };

  describe(`${CHECK}: the real AWS provider on every AWS stack, against moto`, () => {
    beforeAll(async () => {
      const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'boomi-eks-aws-stacks-'));
      moto = await startMoto(workDir);
      ctx = { terraform: terraform!, workDir, mirrorDir: mirror!.dir, awsVersion: mirror!.awsVersion, motoUrl: moto.url, caFile: moto.caFile };
      writeCliConfig(ctx);
      before = inventory(moto.url, moto.caFile);
      progress(`terraform ${terraform}, hashicorp/aws ${mirror!.awsVersion} from the mirror, moto at ${moto.url}`);
      progress(`apply + destroy: ${applyEnvs.join(', ') || 'none'}; validate + plan only: ${planEnvs.join(', ') || 'none'}`);
    }, 120_000);

    afterAll(async () => {
      const lines = [
        '',
        `${CHECK}: hashicorp/aws ${ctx?.awsVersion} (mirror) against moto; ${Math.round((Date.now() - started) / 1000)} s`,
        'stack            validate  applied  excluded  re-plan                    destroy  seconds',
        ...[...rows].map(([id, r]) =>
          [
            id.padEnd(16),
            (r.validate ?? '-').padEnd(9),
            String(r.applied ?? '-').padEnd(8),
            String(r.excluded ?? '-').padEnd(9),
            (r.replan ?? '-').padEnd(26),
            (r.destroy ?? '-').padEnd(8),
            Math.round(r.seconds),
          ].join(' '),
        ),
      ];
      const applied = [...rows.values()].reduce((n, r) => n + (r.applied ?? 0), 0);
      const excluded = [...rows.values()].reduce((n, r) => n + (r.excluded ?? 0), 0);
      if (applied + excluded > 0) lines.push(`applied ${applied} of ${applied + excluded} resources of the applied stacks (${Math.round((100 * applied) / (applied + excluded))}%)`);
      process.stdout.write(`${lines.join('\n')}\n`);
      await moto?.stop();
      if (ctx && !process.env.AWS_STACKS_KEEP) fs.rmSync(ctx.workDir, { recursive: true, force: true });
    }, 60_000);

    describe('a. terraform validate (mirrored provider, 6.x-only arguments removed by the table)', () => {
      it.each(awsStacks)('%s validates', async (id) => {
        await step(id, [], async () => {
          const p = prepareStack(ctx, synthDir, id);
          prepared.set(id, p);
          for (const s of p.stripped) progress(`${id}: removed for provider ${ctx.awsVersion}: ${s}`);
          const init = await tf(ctx, p.dir, ['init', '-input=false', '-backend=false', '-no-color']);
          note(id, init);
          if (init.code !== 0) throw new Error(`${id}: terraform init failed:\n${tail(init.output)}`);
          const r = await tf(ctx, p.dir, ['validate', '-no-color']);
          note(id, r);
          rows.get(id)!.validate = r.code === 0 ? 'ok' : 'FAILED';
          expect({ id, validate: r.code === 0 ? 'ok' : tail(r.output) }).toEqual({ id, validate: 'ok' });
        });
      });

      it('every entry of the 6.x-only table is still needed: some stack uses it and the mirrored provider lacks it', async () => {
        // a folder with only the provider: `providers schema` needs no backend there
        const dir = path.join(ctx.workDir, 'schema');
        fs.mkdirSync(dir, { recursive: true });
        fs.writeFileSync(path.join(dir, 'main.tf.json'), JSON.stringify({ terraform: { required_providers: { aws: { source: 'hashicorp/aws', version: ctx.awsVersion } } } }));
        const init = await tf(ctx, dir, ['init', '-input=false', '-no-color']);
        expect({ init: init.code === 0 ? 'ok' : tail(init.output) }).toEqual({ init: 'ok' });
        const schemaRun = await tf(ctx, dir, ['providers', 'schema', '-json']);
        expect({ schema: schemaRun.code === 0 ? 'ok' : tail(schemaRun.output) }).toEqual({ schema: 'ok' });
        const schema = JSON.parse(schemaRun.output.slice(schemaRun.output.indexOf('{')));
        expect(Object.keys(schema.provider_schemas)).toEqual(['registry.terraform.io/hashicorp/aws']);
        for (const entry of PROVIDER_6X_ONLY) {
          const users = awsStacks.filter((id) => {
            const json = JSON.parse(fs.readFileSync(path.join(synthDir, id, 'cdk.tf.json'), 'utf8'));
            return stripProviderOnlyArguments(json, [entry]).length > 0;
          });
          const where = `${entry.resourceType}.${entry.path.join('.')}`;
          expect({ where, usedBy: users.length > 0 ? 'some stack' : 'no stack: remove the entry' }).toEqual({ where, usedBy: 'some stack' });
          expect({ where, inMirroredProvider: schemaHasPath(schema, entry.resourceType, entry.path) }).toEqual({ where, inMirroredProvider: false });
        }
        // and the reader of the schema does find an argument that exists
        expect(schemaHasPath(schema, 'aws_eks_node_group', ['node_repair_config', 'enabled'])).toBe(true);
      });

      it('every excluded type is one the AWS stacks really contain', () => {
        const types = new Set(awsStacks.flatMap((id) => Object.keys(prepared.get(id)?.json.resource ?? {})));
        expect(Object.keys({ ...MOTO_GAPS, ...MOTO_REPLAN_GAPS, ...MOTO_DESTROY_GAPS }).filter((t) => !types.has(t))).toEqual([]);
      });
    });

    describe('b/c. apply in dependency order, then a second plan shows no changes', () => {
      it('state: bootstrap (apply with local state outside cdktf.out, migrate into the bucket it made), re-plan', async () => {
        await step('state', [], async () => {
          const p = prepared.get('state')!;
          attempted.add('state');
          const localState = path.join(ctx.workDir, 'bootstrap', 'state.tfstate');
          const r = spawnSync('bash', [bootstrapScript, p.dir], {
            encoding: 'utf8',
            timeout: 600_000,
            env: {
              ...terraformEnv(ctx),
              TERRAFORM_BIN: ctx.terraform,
              AUTO_APPROVE: '1',
              BOOTSTRAP_STATE_FILE: localState,
              BOOTSTRAP_APPLY_ARGS: ['-no-color', ...targetsOf(p)].join(' '),
            },
          });
          if (r.status !== 0) throw new Error(`bootstrap-state.sh failed:\n${tail(`${r.stdout}\n${r.stderr}`, 60)}`);
          recordApplied(p);
          expect(fs.existsSync(localState)).toBe(false);
          // the state is now read from the bucket, at the key the stack declares
          const pull = await tf(ctx, p.dir, ['state', 'pull']);
          note('state', pull);
          expect({ pull: pull.code === 0 ? 'ok' : tail(pull.output) }).toEqual({ pull: 'ok' });
          const state = JSON.parse(pull.output.slice(pull.output.indexOf('{'))) as { resources: { type: string }[] };
          expect(state.resources.map((x) => x.type)).toContain('aws_s3_bucket');
          await replan(p);
        });
      });

      for (const env of applyEnvs) {
        it(`${env}-network: apply, re-plan`, async () => {
          await step(`${env}-network`, ['state'], async () => {
            const p = prepared.get(`${env}-network`)!;
            await apply(p);
            await replan(p);
          });
        });
        it(`${env}-cluster: apply (moto's gaps excluded), remote state from the emulated bucket, re-plan`, async () => {
          await step(`${env}-cluster`, ['state', `${env}-network`], async () => {
            const p = prepared.get(`${env}-cluster`)!;
            await apply(p);
            await replan(p);
          });
        });
      }

      if (hasCi) {
        it('ci-access: apply, re-plan', async () => {
          await step('ci-access', ['state'], async () => {
            const p = prepared.get('ci-access')!;
            await apply(p);
            await replan(p);
          });
        });
      }

      for (const env of planEnvs) {
        it(`${env}-network and ${env}-cluster: plan only (the network's outputs as placeholders)`, async () => {
          await step(`${env}-network`, ['state'], async () => {
            for (const id of [`${env}-network`, `${env}-cluster`]) {
              const p = prepareStack(ctx, synthDir, id, id.endsWith('-cluster') ? placeholderStates(id) : undefined);
              await initWithBackend(p);
              const r = await tf(ctx, p.dir, ['plan', '-input=false', '-no-color', '-parallelism=20', '-lock=false']);
              note(id, r);
              rows.get(id)!.replan = r.code === 0 ? 'planned' : 'PLAN FAILED';
              progress(`${id}: plan ${r.code === 0 ? 'ok' : 'failed'}`);
              if (r.code !== 0) throw new Error(`${id}: terraform plan failed:\n${tail(r.output)}`);
            }
          });
        });
      }
    });

    describe('d. destroy in reverse order, nothing of ours left', () => {
      /** Destroys what an apply started, even one that failed half-way. */
      const teardown = async (id: string) => {
        if (!attempted.has(id)) throw new Error(`${id}: nothing to destroy, its apply never started`);
        await destroy(prepared.get(id)!);
      };
      if (hasCi) it('ci-access: destroy', () => teardown('ci-access'));
      for (const env of [...applyEnvs].reverse()) {
        it(`${env}-cluster: destroy`, () => teardown(`${env}-cluster`));
        it(`${env}-network: destroy`, () => teardown(`${env}-network`));
      }

      it('state: state moved back to a local file, bucket emptied, destroy (prevent_destroy lifted in the run copy)', async () => {
        {
          if (!attempted.has('state')) throw new Error('state: nothing to destroy, its bootstrap never started');
          const p = prepared.get('state')!;
          // the bootstrap's local file still exists when the migration did not happen
          const bootstrapState = path.join(ctx.workDir, 'bootstrap', 'state.tfstate');
          const localState = fs.existsSync(bootstrapState) ? bootstrapState : path.join(ctx.workDir, 'teardown', 'state.tfstate');
          fs.mkdirSync(path.dirname(localState), { recursive: true });
          fs.writeFileSync(path.join(p.dir, 'zz_teardown_local_override.tf.json'), JSON.stringify({ terraform: { backend: { local: { path: localState } } } }));
          const init = localState === bootstrapState ? ['init', '-input=false', '-reconfigure', '-no-color'] : ['init', '-input=false', '-migrate-state', '-force-copy', '-no-color'];
          const migrate = await tf(ctx, p.dir, init);
          note('state', migrate);
          if (migrate.code !== 0) throw new Error(`state: moving the state back to a local file failed:\n${tail(migrate.output)}`);
          const bucket = p.json.terraform.backend.s3.bucket as string;
          progress(`state: removed ${emptyBucket(ctx.motoUrl, ctx.caFile, bucket)} object versions from ${bucket}`);
          for (const b of Object.values<any>(p.json.resource.aws_s3_bucket)) delete b.lifecycle;
          fs.writeFileSync(path.join(p.dir, 'cdk.tf.json'), JSON.stringify(p.json, null, 2));
          await destroy(p);
        }
      });

      it('leaves nothing of ours in the emulator (VPCs, subnets, NAT gateways, EIPs, roles, policies, keys, log groups, file systems, clusters, buckets, ...)', () => {
        const left = leftovers(before, inventory(ctx.motoUrl, ctx.caFile));
        progress(`leftovers: ${Object.keys(left).length === 0 ? '0' : JSON.stringify(left)}`);
        expect(left).toEqual({});
      });
    });
  });
}
