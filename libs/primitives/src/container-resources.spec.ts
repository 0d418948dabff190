import { containerResourcesValues, type ContainerResources } from './container-resources';

describe('containerResourcesValues', () => {
  it('copies requests and limits into a fresh object in requests/limits, cpu/memory order', () => {
    const input = { limits: { memory: '1Gi', cpu: '1' }, requests: { memory: '512Mi', cpu: '250m' } };
    const out = containerResourcesValues(input);
    expect(out).toEqual({ requests: { cpu: '250m', memory: '512Mi' }, limits: { cpu: '1', memory: '1Gi' } });
    expect(Object.keys(out)).toEqual(['requests', 'limits']);
    expect(Object.keys(out.requests)).toEqual(['cpu', 'memory']);
    expect(out.requests).not.toBe(input.requests);
  });

  it('drops keys outside the shape', () => {
    const input = { requests: { cpu: '1', memory: '1Gi', 'ephemeral-storage': '1Gi' }, limits: { cpu: '1', memory: '1Gi' } } as ContainerResources;
    expect(containerResourcesValues(input).requests).toEqual({ cpu: '1', memory: '1Gi' });
  });
});
