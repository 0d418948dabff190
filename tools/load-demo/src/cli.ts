/**
 * load-demo: prints (or, with --apply, applies) a load test against an
 * environment's Molecule, and the commands to watch the HPA add Molecule pods
 * and the cluster-autoscaler (or Karpenter) add nodes (seed 002). It deploys nothing unless
 * run by hand with --apply.
 */
import { parseArgs } from 'node:util';
import { ConfigError, validateEnvironment, type Environment } from '@boomi-eks/config';
import { MOLECULE_OBJECT_NAMES } from '@boomi-eks/molecule';
import { LOAD_DEMO_DEFAULTS, LOAD_DEMO_NAMESPACE, LOAD_GENERATOR_NAME, loadDemoYaml, type LoadDemoOptions } from './manifests';

export const HELP = `load-demo — drive the Molecule's HPA and the cluster-autoscaler with a wget load (seed 002)

Usage:
  npm run load-demo -- --env NAME [--pods N] [--loops N] [--duration 10m] [--path /PATH] [--apply] [--context CTX]
  npm run load-demo -- --env NAME --delete [--context CTX]

Without --apply it only prints the manifests and the commands: nothing is deployed.

  --env NAME      the environment (a file of apps/platform/src/environments)
  --pods N        generator pods at once (default ${LOAD_DEMO_DEFAULTS.pods})
  --loops N       wget loops per pod (default ${LOAD_DEMO_DEFAULTS.loopsPerPod})
  --duration D    how long the load lasts: 90s, 10m, 1h (default 10m); the Job then stops by itself
  --path P        URL path on the Molecule's Service (default /): point it at a deployed
                  Web Services Server process for a load that does work
  --apply         kubectl apply the manifests (current kubectl context, or --context)
  --delete        kubectl delete the load-demo namespace (stops the load now)
  --context CTX   kubectl context to use
  --help          this text
`;

/** What to run: print (default), apply or delete. */
export type LoadDemoAction = 'print' | 'apply' | 'delete';

export interface LoadDemoArgs {
  readonly env: string;
  readonly action: LoadDemoAction;
  readonly pods: number;
  readonly loopsPerPod: number;
  readonly durationSeconds: number;
  readonly path: string;
  readonly context?: string;
}

/** A usage error: the message names the flag. */
export class LoadDemoError extends Error {}

const positiveInt = (flag: string, value: string | undefined, fallback: number): number => {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new LoadDemoError(`--${flag} (${value}) must be a whole number ≥ 1`);
  return Number(value);
};

/** '90s' | '10m' | '1h' → seconds. */
export function parseDuration(text: string): number {
  const m = /^(\d+)(s|m|h)$/.exec(text);
  if (!m || Number(m[1]) < 1) throw new LoadDemoError(`--duration (${text}) must be a duration such as 90s, 10m or 1h`);
  return Number(m[1]) * { s: 1, m: 60, h: 3600 }[m[2] as 's' | 'm' | 'h'];
}

/** Parses the command line; returns undefined for --help. */
export function parseLoadDemoArgs(argv: readonly string[]): LoadDemoArgs | undefined {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        env: { type: 'string' },
        pods: { type: 'string' },
        loops: { type: 'string' },
        duration: { type: 'string' },
        path: { type: 'string' },
        context: { type: 'string' },
        apply: { type: 'boolean' },
        delete: { type: 'boolean' },
        help: { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    throw new LoadDemoError((err as Error).message);
  }
  if (values.help) return undefined;
  if (!values.env) throw new LoadDemoError('--env is required: the environment to load, e.g. --env dev');
  if (values.apply && values.delete) throw new LoadDemoError('--apply and --delete exclude each other');
  const path = values.path ?? '/';
  if (!path.startsWith('/')) throw new LoadDemoError(`--path (${path}) must start with /`);
  return {
    env: values.env,
    action: values.apply ? 'apply' : values.delete ? 'delete' : 'print',
    pods: positiveInt('pods', values.pods, LOAD_DEMO_DEFAULTS.pods),
    loopsPerPod: positiveInt('loops', values.loops, LOAD_DEMO_DEFAULTS.loopsPerPod),
    durationSeconds: values.duration === undefined ? LOAD_DEMO_DEFAULTS.durationSeconds : parseDuration(values.duration),
    path,
    context: values.context,
  };
}

/**
 * The validated environment named `name` among the environment files
 * (`{ 'dev.ts': input, ... }`): a ConfigError when its file is invalid, a
 * LoadDemoError naming the choices when no file has that name.
 */
export function findEnvironment(inputs: Readonly<Record<string, unknown>>, name: string): Environment {
  const names: string[] = [];
  for (const [file, input] of Object.entries(inputs)) {
    const inputName = (input as { name?: unknown })?.name;
    if (typeof inputName === 'string') names.push(inputName);
    if (inputName !== name) continue;
    const result = validateEnvironment(input);
    if (!result.ok) throw new ConfigError(file, result.issues);
    return result.environment;
  }
  throw new LoadDemoError(`--env (${name}) is not an environment: use one of ${names.join(', ')}`);
}

/** The in-cluster URL of the Molecule's Service (port 80 → 9090 by default). */
export function moleculeUrl(env: Environment, path = '/'): string {
  return `http://${MOLECULE_OBJECT_NAMES.service}.${env.molecule.namespace}.svc.cluster.local:${env.molecule.service.port}${path}`;
}

/** The options the manifests are built from. */
export function loadDemoOptions(env: Environment, args: LoadDemoArgs): LoadDemoOptions {
  return { targetUrl: moleculeUrl(env, args.path), pods: args.pods, loopsPerPod: args.loopsPerPod, durationSeconds: args.durationSeconds };
}

/** The commands to watch the demo, in the order the README explains them. */
export function watchCommands(env: Environment, context?: string): string[] {
  const ctx = context ? ` --context ${context}` : '';
  const ns = env.molecule.namespace;
  return [
    `aws eks update-kubeconfig --name ${env.cluster.name} --region ${env.region}   # once, if kubectl does not know the cluster`,
    `kubectl${ctx} get hpa ${MOLECULE_OBJECT_NAMES.horizontalPodAutoscaler} -n ${ns} -w   # TARGETS rise above 50%/50%, REPLICAS follow`,
    `kubectl${ctx} get pods -n ${ns} -o wide -w   # new Molecule pods: Pending until a node has room`,
    ...(env.autoscaler.kind === 'karpenter'
      ? [
          // Karpenter (issue 20): NodeClaims appear before their nodes join; its log says why it launched or removed one.
          `kubectl${ctx} get nodes -L karpenter.sh/nodepool,karpenter.sh/capacity-type,node.kubernetes.io/instance-type,topology.kubernetes.io/zone -w   # node count`,
          `kubectl${ctx} get nodeclaims -w   # one per node Karpenter launches (NodePools molecule and general)`,
          `kubectl${ctx} -n kube-system logs -f -l app.kubernetes.io/name=karpenter --tail=20 | grep -iE 'provisionable|nodeclaim|disrupting'`,
        ]
      : [
          `kubectl${ctx} get nodes -L eks.amazonaws.com/capacityType,node.kubernetes.io/instance-type,topology.kubernetes.io/zone -w   # node count`,
          `kubectl${ctx} -n kube-system logs -f -l app.kubernetes.io/name=aws-cluster-autoscaler --tail=20 | grep -iE 'scale-up|scale_up|pending|removing'`,
        ]),
    `kubectl${ctx} get jobs,pods -n ${LOAD_DEMO_NAMESPACE}   # the load itself`,
  ];
}

/** Runs a command (kubectl): injected so tests never touch a cluster. */
export type Exec = (command: string, args: readonly string[], input?: string) => { status: number | null; stderr?: string };

export interface LoadDemoIo {
  readonly out: (text: string) => void;
  readonly exec: Exec;
}

/** Prints, applies or deletes; returns the exit code. */
export function runLoadDemo(env: Environment, args: LoadDemoArgs, io: LoadDemoIo): number {
  const ctxArgs = args.context ? ['--context', args.context] : [];
  if (args.action === 'delete') {
    const r = io.exec('kubectl', [...ctxArgs, 'delete', 'namespace', LOAD_DEMO_NAMESPACE, '--ignore-not-found']);
    return r.status === 0 ? 0 : 1;
  }
  const yaml = loadDemoYaml(loadDemoOptions(env, args));
  const notes: string[] = [];
  if (!env.hpa.enabled) notes.push(`# Note: hpa.enabled is false in '${env.name}': the load will not add Molecule pods.`);
  if (!env.autoscaler.enabled) notes.push(`# Note: autoscaler.enabled is false in '${env.name}': no node will be added.`);
  if (args.action === 'print') {
    io.out(
      [
        `# Load demo for '${env.name}' (${env.cluster.name}): ${args.pods} pods × ${args.loopsPerPod} wget loops → ${moleculeUrl(env, args.path)} for ${args.durationSeconds}s.`,
        '# Nothing was deployed. To run it: add --apply (or pipe this YAML to kubectl apply -f -).',
        ...notes,
        '',
        yaml.trimEnd(),
        '',
        '# Then watch, each in its own terminal:',
        ...watchCommands(env, args.context).map((c) => `#   ${c}`),
        `# Stop early: npm run load-demo -- --env ${env.name} --delete   (kubectl delete namespace ${LOAD_DEMO_NAMESPACE})`,
        '',
      ].join('\n'),
    );
    return 0;
  }
  const r = io.exec('kubectl', [...ctxArgs, 'apply', '-f', '-'], yaml);
  if (r.status !== 0) {
    io.out(`kubectl apply failed${r.stderr ? `: ${r.stderr.trim()}` : ''}\n`);
    return 1;
  }
  io.out(
    [
      `Applied Job ${LOAD_DEMO_NAMESPACE}/${LOAD_GENERATOR_NAME}: ${args.pods} pods × ${args.loopsPerPod} loops for ${args.durationSeconds}s against ${moleculeUrl(env, args.path)}.`,
      ...notes.map((n) => n.replace(/^# /, '')),
      'Watch:',
      ...watchCommands(env, args.context).map((c) => `  ${c}`),
      `Stop early: npm run load-demo -- --env ${env.name} --delete`,
      '',
    ].join('\n'),
  );
  return 0;
}
