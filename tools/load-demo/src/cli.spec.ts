import { validateEnvironment, type Environment } from '@boomi-eks/config';
import { loadEnvironmentFiles } from '../../../apps/platform/src/environments/load';
import {
  LoadDemoError,
  findEnvironment,
  moleculeUrl,
  parseDuration,
  parseLoadDemoArgs,
  runLoadDemo,
  watchCommands,
  type Exec,
  type LoadDemoArgs,
} from './cli';

const inputs = loadEnvironmentFiles();
const prod = findEnvironment(inputs, 'prod');
const dev = findEnvironment(inputs, 'dev');

function run(env: Environment, argv: string[]) {
  const calls: { command: string; args: readonly string[]; input?: string }[] = [];
  let output = '';
  const exec: Exec = (command, args, input) => {
    calls.push({ command, args, input });
    return { status: 0 };
  };
  const code = runLoadDemo(env, parseLoadDemoArgs(argv) as LoadDemoArgs, { out: (t) => (output += t), exec });
  return { code, calls, output };
}

describe('parseLoadDemoArgs', () => {
  it('prints by default, with the documented defaults', () => {
    expect(parseLoadDemoArgs(['--env', 'prod'])).toEqual({
      env: 'prod',
      action: 'print',
      pods: 4,
      loopsPerPod: 4,
      durationSeconds: 600,
      path: '/',
      context: undefined,
    });
  });

  it('applies only with --apply, deletes only with --delete', () => {
    expect(parseLoadDemoArgs(['--env', 'prod', '--apply'])!.action).toBe('apply');
    expect(parseLoadDemoArgs(['--env', 'prod', '--delete'])!.action).toBe('delete');
  });

  it('takes pods, loops, duration, path and context', () => {
    expect(parseLoadDemoArgs(['--env', 'dev', '--pods', '8', '--loops', '2', '--duration', '90s', '--path', '/ws/simple/load', '--context', 'ctx'])).toEqual(
      expect.objectContaining({ pods: 8, loopsPerPod: 2, durationSeconds: 90, path: '/ws/simple/load', context: 'ctx' }),
    );
  });

  it('returns undefined for --help', () => {
    expect(parseLoadDemoArgs(['--help'])).toBeUndefined();
  });

  it.each([
    [[], /--env is required/],
    [['--env', 'prod', '--pods', '0'], /--pods \(0\) must be a whole number ≥ 1/],
    [['--env', 'prod', '--loops', 'many'], /--loops \(many\) must be a whole number/],
    [['--env', 'prod', '--duration', '10 minutes'], /--duration \(10 minutes\) must be a duration/],
    [['--env', 'prod', '--path', 'ws'], /--path \(ws\) must start with \//],
    [['--env', 'prod', '--apply', '--delete'], /--apply and --delete exclude each other/],
    [['--env', 'prod', '--aply'], /aply/],
  ])('refuses %p, naming the flag', (argv, message) => {
    expect(() => parseLoadDemoArgs(argv)).toThrow(LoadDemoError);
    expect(() => parseLoadDemoArgs(argv)).toThrow(message);
  });
});

describe('parseDuration', () => {
  it.each([
    ['90s', 90],
    ['10m', 600],
    ['1h', 3600],
  ])('%s is %d seconds', (text, seconds) => expect(parseDuration(text)).toBe(seconds));
});

describe('findEnvironment', () => {
  it('returns the validated environment of that name', () => {
    expect(prod.name).toBe('prod');
    expect(prod).toEqual((validateEnvironment(inputs['prod.ts']) as { environment: Environment }).environment);
  });

  it('names the choices for an unknown environment', () => {
    expect(() => findEnvironment(inputs, 'qa')).toThrow(/--env \(qa\) is not an environment: use one of dev, prod/);
  });
});

describe('moleculeUrl', () => {
  it("is the Molecule Service's in-cluster name and port", () => {
    expect(moleculeUrl(prod)).toBe('http://molecule-service.boomi.svc.cluster.local:80/');
    expect(moleculeUrl(prod, '/ws/simple/load')).toBe('http://molecule-service.boomi.svc.cluster.local:80/ws/simple/load');
  });
});

describe('runLoadDemo', () => {
  it('without --apply prints the YAML and the commands, and runs nothing', () => {
    const { code, calls, output } = run(prod, ['--env', 'prod']);
    expect(code).toBe(0);
    expect(calls).toEqual([]);
    expect(output).toContain('Nothing was deployed');
    expect(output).toContain('kind: Job');
    expect(output).toContain('value: http://molecule-service.boomi.svc.cluster.local:80/');
    expect(output).toContain('kubectl get hpa molecule-hpa -n boomi -w');
    expect(output).toContain('kubectl get nodes -L eks.amazonaws.com/capacityType');
  });

  it('with --apply pipes the same YAML to kubectl apply -f -, in the given context', () => {
    const printed = run(prod, ['--env', 'prod', '--pods', '2']).output;
    const { code, calls, output } = run(prod, ['--env', 'prod', '--pods', '2', '--apply', '--context', 'prod-admin']);
    expect(code).toBe(0);
    expect(calls).toHaveLength(1);
    expect(calls[0].command).toBe('kubectl');
    expect(calls[0].args).toEqual(['--context', 'prod-admin', 'apply', '-f', '-']);
    expect(printed).toContain(calls[0].input!.trimEnd());
    expect(output).toContain('Applied Job load-demo/load-generator');
  });

  it('with --delete removes the namespace and nothing else', () => {
    const { calls } = run(dev, ['--env', 'dev', '--delete']);
    expect(calls).toEqual([{ command: 'kubectl', args: ['delete', 'namespace', 'load-demo', '--ignore-not-found'], input: undefined }]);
  });

  it('returns 1 when kubectl fails', () => {
    const code = runLoadDemo(prod, parseLoadDemoArgs(['--env', 'prod', '--apply'])!, {
      out: () => undefined,
      exec: () => ({ status: 1, stderr: 'no context' }),
    });
    expect(code).toBe(1);
  });

  it('says so when the environment does not scale pods or nodes', () => {
    const noHpa = { ...prod, hpa: { ...prod.hpa, enabled: false } } as Environment;
    expect(run(noHpa, ['--env', 'prod']).output).toContain('hpa.enabled is false');
  });
});

describe('watchCommands', () => {
  it('watches the HPA, the Molecule pods, the node count and the autoscaler log', () => {
    const cmds = watchCommands(dev).join('\n');
    expect(cmds).toContain('aws eks update-kubeconfig --name dev-boomi-molecule --region us-east-1');
    expect(cmds).toContain('get hpa molecule-hpa -n boomi -w');
    expect(cmds).toContain('get pods -n boomi -o wide -w');
    expect(cmds).toContain('-l app.kubernetes.io/name=aws-cluster-autoscaler');
    expect(cmds).not.toContain('nodeclaims');
  });

  it('watches NodeClaims and the Karpenter log with autoscaler.kind karpenter', () => {
    const karpenter: Environment = { ...dev, autoscaler: { ...dev.autoscaler, kind: 'karpenter' } };
    const cmds = watchCommands(karpenter).join('\n');
    expect(cmds).toContain('get nodeclaims -w');
    expect(cmds).toContain('-l app.kubernetes.io/name=karpenter');
    expect(cmds).toContain('-L karpenter.sh/nodepool,karpenter.sh/capacity-type');
    expect(cmds).not.toContain('aws-cluster-autoscaler');
  });
});
