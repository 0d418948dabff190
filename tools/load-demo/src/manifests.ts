/**
 * The load demo's Kubernetes objects (seed 002's php-apache test, aimed at the
 * Molecule): a namespace and a Job whose pods loop `wget` against the
 * Molecule's Service until a deadline. Pure functions: nothing is applied here.
 */
import { stringify } from 'yaml';

/** Namespace of the load generator: deleting it stops everything the demo made. */
export const LOAD_DEMO_NAMESPACE = 'load-demo';
/** Name of the Job. */
export const LOAD_GENERATOR_NAME = 'load-generator';
/** The load generator image, pinned (busybox's `wget` and `sh`). */
export const LOAD_GENERATOR_IMAGE = 'docker.io/library/busybox:1.37.0';

/** Requests and limits of one generator container. */
export const LOAD_GENERATOR_RESOURCES = {
  requests: { cpu: '100m', memory: '32Mi' },
  limits: { cpu: '250m', memory: '64Mi' },
} as const;

export interface LoadDemoOptions {
  /** Where the load goes, e.g. http://molecule-service.boomi.svc.cluster.local:80/ */
  readonly targetUrl: string;
  /** Generator pods running at once. */
  readonly pods: number;
  /** `wget` loops per pod. */
  readonly loopsPerPod: number;
  /** How long the load lasts, in seconds; the Job stops itself after it. */
  readonly durationSeconds: number;
}

/** The default load: 4 pods × 4 loops for 10 minutes. */
export const LOAD_DEMO_DEFAULTS = { pods: 4, loopsPerPod: 4, durationSeconds: 600 } as const;

/**
 * The shell loop of one generator container: `loopsPerPod` background loops
 * of `wget` against $TARGET_URL until $DURATION seconds have passed, then exit 0
 * (so the Job completes; `activeDeadlineSeconds` is only the backstop).
 */
export function generatorScript(): string {
  return [
    'end=$(( $(date +%s) + DURATION ))',
    'i=0',
    'while [ "$i" -lt "$LOOPS" ]; do',
    '  ( while [ "$(date +%s)" -lt "$end" ]; do wget -q -T 5 -O /dev/null "$TARGET_URL" || true; done ) &',
    '  i=$((i + 1))',
    'done',
    'wait',
  ].join('\n');
}

/** The Namespace and the Job, as plain Kubernetes objects. */
export function loadDemoObjects(o: LoadDemoOptions): Record<string, unknown>[] {
  const labels = { 'app.kubernetes.io/name': LOAD_GENERATOR_NAME, 'app.kubernetes.io/part-of': 'boomi-load-demo' };
  return [
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: LOAD_DEMO_NAMESPACE, labels } },
    {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: LOAD_GENERATOR_NAME, namespace: LOAD_DEMO_NAMESPACE, labels },
      spec: {
        parallelism: o.pods,
        completions: o.pods,
        backoffLimit: 0,
        // Backstop: the loops end by themselves at durationSeconds.
        activeDeadlineSeconds: o.durationSeconds + 120,
        ttlSecondsAfterFinished: 900,
        template: {
          metadata: { labels },
          spec: {
            restartPolicy: 'Never',
            // Disposable load: spot nodes are the right place for it (the spot taint is PreferNoSchedule).
            tolerations: [{ key: 'spot', operator: 'Equal', value: 'true', effect: 'PreferNoSchedule' }],
            securityContext: { runAsNonRoot: true, runAsUser: 65534, runAsGroup: 65534, seccompProfile: { type: 'RuntimeDefault' } },
            containers: [
              {
                name: 'wget-loop',
                image: LOAD_GENERATOR_IMAGE,
                command: ['/bin/sh', '-c', generatorScript()],
                env: [
                  { name: 'TARGET_URL', value: o.targetUrl },
                  { name: 'LOOPS', value: String(o.loopsPerPod) },
                  { name: 'DURATION', value: String(o.durationSeconds) },
                ],
                resources: {
                  requests: { ...LOAD_GENERATOR_RESOURCES.requests },
                  limits: { ...LOAD_GENERATOR_RESOURCES.limits },
                },
                securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } },
              },
            ],
          },
        },
      },
    },
  ];
}

/** The objects as one multi-document YAML stream, for `kubectl apply -f -`. */
export function loadDemoYaml(o: LoadDemoOptions): string {
  return loadDemoObjects(o)
    .map((obj) => stringify(obj, { lineWidth: 0, aliasDuplicateObjects: false }))
    .join('---\n');
}
