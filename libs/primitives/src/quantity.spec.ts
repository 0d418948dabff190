import { cpuToMillicores, isCpuQuantity, isMemoryQuantity, memoryToMiB, parseQuantity } from './quantity';

describe('memoryToMiB', () => {
  it.each([
    ['1536Mi', 1536],
    ['1024Mi', 1024],
    ['2Gi', 2048],
    ['1.5Gi', 1536],
    ['1Ti', 1024 * 1024],
    ['1024Ki', 1],
    ['512Ki', 0.5],
    ['1048576', 1],
    ['5368709120', 5120],
  ])('%s → %p MiB', (value, mib) => {
    expect(memoryToMiB(value)).toBe(mib);
  });

  it.each([
    // decimal suffixes are powers of ten: 1M = 10^6 bytes, not 2^20
    ['1M', 1e6 / 2 ** 20],
    ['1000M', 1e9 / 2 ** 20],
    ['1G', 1e9 / 2 ** 20],
    ['2k', 2000 / 2 ** 20],
  ])('%s → %p MiB (decimal suffix)', (value, mib) => {
    expect(memoryToMiB(value)).toBeCloseTo(mib, 6);
  });

  it('ranks 1G below 1Gi', () => {
    expect(memoryToMiB('1G')).toBeCloseTo(953.674, 3);
    expect(memoryToMiB('1G')).toBeLessThan(memoryToMiB('1Gi'));
  });

  it.each(['1GB', '1gi', '1 Gi', 'Mi', '-1Mi', '1.Mi', '', 'lots', '500m'])('rejects %p with the value in the message', (value) => {
    expect(() => memoryToMiB(value)).toThrow(`'${value}' is not a memory quantity (examples: 1024Mi, 2Gi)`);
  });
});

describe('cpuToMillicores', () => {
  it.each([
    ['500m', 500],
    ['100m', 100],
    ['1000m', 1000],
    ['1', 1000],
    ['2', 2000],
    ['0.5', 500],
    ['1.25', 1250],
  ])('%s → %p millicores', (value, millicores) => {
    expect(cpuToMillicores(value)).toBe(millicores);
  });

  it.each(['500M', '1 core', 'm', '-1', '', '1Gi'])('rejects %p with the value in the message', (value) => {
    expect(() => cpuToMillicores(value)).toThrow(`'${value}' is not a cpu quantity (examples: 500m, 2)`);
  });
});

describe('isMemoryQuantity / isCpuQuantity', () => {
  it('accepts what the converters accept', () => {
    expect(['1024Mi', '2Gi', '5Gi', '1G', '1048576'].every(isMemoryQuantity)).toBe(true);
    expect(['500m', '2', '0.5'].every(isCpuQuantity)).toBe(true);
  });

  it('refuses what the converters refuse', () => {
    expect(['1GB', '1 Gi', ''].some(isMemoryQuantity)).toBe(false);
    expect(['500M', '1 core', ''].some(isCpuQuantity)).toBe(false);
  });
});

describe('parseQuantity (any Kubernetes quantity, in base units)', () => {
  it.each([
    ['500m', 0.5],
    ['1', 1],
    ['1.5', 1.5],
    ['.5', 0.5],
    ['1.', 1],
    ['1024Mi', 1024 * 2 ** 20],
    ['1Gi', 2 ** 30],
    ['1Pi', 2 ** 50],
    ['1Ei', 2 ** 60],
    ['1G', 1e9],
    ['1P', 1e15],
    ['1E', 1e18],
    ['100u', 1e-4],
    ['5n', 5e-9],
    ['1e3', 1000],
    ['1E3', 1000],
    ['2e-3', 0.002],
    ['+2', 2],
    ['-1', -1],
    [' 2Gi ', 2 * 2 ** 30],
    ['128974848', 128974848],
  ])('%j is %d', (q, n) => {
    expect(parseQuantity(q)).toBeCloseTo(n, 12);
  });

  it.each(['', ' ', 'lots', '5 GB', '1Gb', 'Mi', '1mi', '1KI', '1.2.3', '1e', 'Infinity', '0x10'])('%j is not a quantity', (q) => {
    expect(parseQuantity(q)).toBeUndefined();
  });

  it('ranks a request against its limit across suffixes (molecule compares them this way)', () => {
    expect(parseQuantity('1500m')!).toBeGreaterThan(parseQuantity('1')!);
    expect(parseQuantity('1Gi')!).toBeGreaterThan(parseQuantity('1G')!);
    expect(parseQuantity('1024Mi')).toBe(parseQuantity('1Gi'));
  });

  it('agrees with memoryToMiB and cpuToMillicores on the forms those accept', () => {
    for (const m of ['1536Mi', '2Gi', '1G', '512Ki', '1048576']) expect(parseQuantity(m)! / 2 ** 20).toBeCloseTo(memoryToMiB(m), 9);
    for (const c of ['500m', '2', '0.25']) expect(parseQuantity(c)! * 1000).toBeCloseTo(cpuToMillicores(c), 9);
  });
});
