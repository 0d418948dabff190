import { parseAllDocuments } from 'yaml';
import { renderMolecule } from '../test/molecule-fixtures';
import { chartToYaml } from './chart-yaml';
import { KubernetesObject } from './manifest-order';

describe('chartToYaml', () => {
  const { chart, objects } = renderMolecule({ vmOptionsOverrides: 'yes', containerPropertiesOverrides: '0755' });
  const yamlText = chartToYaml(chart);
  const docs = parseAllDocuments(yamlText).map((d) => d.toJS());

  it('writes one document per object, with the right kinds, in chart order', () => {
    expect(docs).toHaveLength(objects.length);
    expect(docs.map((d) => d.kind)).toEqual([
      'Namespace',
      'StorageClass',
      'PersistentVolume',
      'PersistentVolumeClaim',
      'Service',
      'StatefulSet',
      'HorizontalPodAutoscaler',
      'NetworkPolicy',
      'NetworkPolicy',
      'PodDisruptionBudget',
    ]);
  });

  it('parses back to the same objects, less the replicas the HPA owns', () => {
    const expected = objects.map((o) => (o.kind === 'StatefulSet' ? { ...o, spec: { ...o.spec, replicas: undefined } } : o));
    expect(docs).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(chartToYaml(chart, { hpaOwnsReplicas: false })).toContain('replicas: 3');
  });

  it('quotes strings that YAML 1.1 (what Kubernetes reads) would turn into booleans or octals', () => {
    expect(yamlText).toContain('value: "yes"');
    expect(yamlText).toContain('value: "0755"');
    expect(chartToYaml(renderMolecule().chart)).toContain('value: ""');
    expect(yamlText).not.toContain('%YAML');
  });

  it('accepts rendered objects as well as a chart', () => {
    expect(chartToYaml(objects as KubernetesObject[])).toBe(yamlText);
  });
});
