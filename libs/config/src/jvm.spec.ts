import { DEFAULT_HEAP_MIB, FORCE_RESTART_PROPERTY, forceRestartMsFromProperties, heapFromVmOptions } from './jvm';

describe('heapFromVmOptions', () => {
  it.each([
    ['-Xmx1024m', 1024],
    ['-Xmx512M', 512],
    ['-Xmx2g', 2048],
    ['-Xmx2G', 2048],
    ['-Xmx1048576k', 1024],
    ['-Xmx1073741824', 1024],
    ['-Xms256m|-Xmx1g|-XX:+UseG1GC', 1024],
    ['-XX:+UseG1GC|-Xmx3g', 3072],
    ['-Xms256m | -Xmx768m | -XX:+UseG1GC', 768],
  ])('%s → %p MiB', (options, mib) => {
    expect(heapFromVmOptions(options)).toBe(mib);
  });

  it.each([
    ['', 'empty'],
    ['-Xms256m', 'only -Xms'],
    ['-Xms256m|-XX:+UseG1GC', 'other options only'],
    ['-XX:MaxRAMPercentage=75.0', 'heap as a percentage'],
    ['-Xmx', '-Xmx without a size'],
    ['-Xmx2t', 'unsupported unit'],
    ['-Dfoo=-Xmx2g', '-Xmx inside another option'],
  ])('returns undefined for %p (%s)', (options) => {
    expect(heapFromVmOptions(options)).toBeUndefined();
  });

  it('is the image default of 512 MiB when nothing else applies', () => {
    expect(DEFAULT_HEAP_MIB).toBe(512);
  });

  // BUG (see report): the JVM honours the LAST -Xmx when several are given;
  // heapFromVmOptions returns the first. Flip to `it` once fixed.
  it('takes the last -Xmx, as the JVM does', () => {
    expect(heapFromVmOptions('-Xmx1g|-Xmx2g')).toBe(2048);
  });
});

describe('forceRestartMsFromProperties', () => {
  const prop = (value: string) => `${FORCE_RESTART_PROPERTY}=${value}`;

  it('names the Boomi property', () => {
    expect(FORCE_RESTART_PROPERTY).toBe('com.boomi.container.elasticity.forceRestartOverride');
  });

  it.each([
    [prop('60000'), 60000],
    [prop('0'), 0],
    [` ${FORCE_RESTART_PROPERTY} = 45000 `, 45000],
    [`com.boomi.container.debug=true|${prop('30000')}|com.boomi.container.other=x`, 30000],
    [`com.boomi.container.debug=true|${prop('59000')}`, 59000],
  ])('%p → %p ms', (properties, ms) => {
    expect(forceRestartMsFromProperties(properties)).toBe(ms);
  });

  it.each([
    ['', 'empty'],
    ['com.boomi.container.debug=true', 'other property only'],
    ['com.boomi.container.debug=true|com.boomi.container.other=x', 'several other properties'],
    [`${FORCE_RESTART_PROPERTY}X=1000`, 'a longer key that starts the same'],
    [FORCE_RESTART_PROPERTY, 'the key without =value'],
  ])('returns undefined for %p (%s)', (properties) => {
    expect(forceRestartMsFromProperties(properties)).toBeUndefined();
  });

  it.each([prop('soon'), prop('60s'), `a=1|${prop('1m')}|b=2`])('returns NaN for a non-number in %p', (properties) => {
    expect(forceRestartMsFromProperties(properties)).toBeNaN();
  });

  // BUG (see report): Number('') is 0, so an empty value reads as a 0 ms
  // override instead of being flagged. Flip to `it` once fixed.
  it('returns NaN for an empty value', () => {
    expect(forceRestartMsFromProperties(prop(''))).toBeNaN();
  });
});
