import { parseAllDocuments } from 'yaml';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import {
  LOAD_DEMO_NAMESPACE,
  LOAD_GENERATOR_IMAGE,
  LOAD_GENERATOR_RESOURCES,
  generatorScript,
  loadDemoObjects,
  loadDemoYaml,
} from './manifests';

const OPTIONS = { targetUrl: 'http://molecule-service.boomi.svc.cluster.local:80/', pods: 4, loopsPerPod: 3, durationSeconds: 600 };

describe('loadDemoObjects', () => {
  const [ns, job] = loadDemoObjects(OPTIONS) as Record<string, any>[];
  const pod = job.spec.template.spec;
  const container = pod.containers[0];

  it('is a namespace of its own and a Job in it', () => {
    expect([ns.kind, ns.metadata.name]).toEqual(['Namespace', LOAD_DEMO_NAMESPACE]);
    expect([job.kind, job.metadata.namespace]).toEqual(['Job', LOAD_DEMO_NAMESPACE]);
  });

  it('validates against the Kubernetes schemas', () => {
    expect(() => new Namespace(ns as never).validate()).not.toThrow();
    expect(() => new Job(job as never).validate()).not.toThrow();
  });

  it('runs the given number of pods once, never retried, stopping itself after the duration', () => {
    expect(job.spec).toEqual(expect.objectContaining({ parallelism: 4, completions: 4, backoffLimit: 0, activeDeadlineSeconds: 720 }));
    expect(pod.restartPolicy).toBe('Never');
  });

  it('gives the container cpu and memory requests and limits', () => {
    expect(container.resources).toEqual(LOAD_GENERATOR_RESOURCES);
    for (const b of ['requests', 'limits']) for (const k of ['cpu', 'memory']) expect(container.resources[b][k]).toEqual(expect.any(String));
  });

  it('pins the image (no latest, no floating tag)', () => {
    expect(container.image).toBe(LOAD_GENERATOR_IMAGE);
    expect(container.image).toMatch(/:\d+\.\d+\.\d+$/);
  });

  it('points the loops at the target with the loop count and duration as env', () => {
    expect(container.env).toEqual([
      { name: 'TARGET_URL', value: OPTIONS.targetUrl },
      { name: 'LOOPS', value: '3' },
      { name: 'DURATION', value: '600' },
    ]);
    expect(container.command).toEqual(['/bin/sh', '-c', generatorScript()]);
  });

  it('runs as nobody, read-only, and may land on spot nodes', () => {
    expect(pod.securityContext).toEqual(expect.objectContaining({ runAsNonRoot: true, runAsUser: 65534 }));
    expect(container.securityContext).toEqual(expect.objectContaining({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true }));
    expect(pod.tolerations).toEqual([{ key: 'spot', operator: 'Equal', value: 'true', effect: 'PreferNoSchedule' }]);
  });
});

describe('generatorScript', () => {
  const script = generatorScript();

  it("is seed 002's wget loop, in the background LOOPS times, until the deadline", () => {
    expect(script).toContain('wget -q -T 5 -O /dev/null "$TARGET_URL"');
    expect(script).toContain('while [ "$i" -lt "$LOOPS" ]');
    expect(script).toContain('end=$(( $(date +%s) + DURATION ))');
    expect(script.trim().endsWith('wait')).toBe(true);
  });
});

describe('loadDemoYaml', () => {
  it('writes plain YAML, without anchors or aliases', () => {
    expect(loadDemoYaml(OPTIONS)).not.toMatch(/(^|\s)[&*][A-Za-z]\w*/m);
  });

  it('is one stream of the two objects, in order', () => {
    const docs = parseAllDocuments(loadDemoYaml(OPTIONS)).map((d) => d.toJS());
    expect(docs).toEqual(loadDemoObjects(OPTIONS));
  });
});
