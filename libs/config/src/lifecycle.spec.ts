import { daysUntil, KUBERNETES_LIFECYCLE, lifecycleWarning, nextMinor, recommendedMinor, supportStatus } from './lifecycle';

const day = (d: string) => new Date(`${d}T12:00:00Z`);
const env = (kubernetesVersion: string, supportType: 'STANDARD' | 'EXTENDED' = 'STANDARD') => ({ name: 'dev', cluster: { kubernetesVersion, supportType } });

describe('KUBERNETES_LIFECYCLE', () => {
  it.each(Object.entries(KUBERNETES_LIFECYCLE))('%s: 14 months of standard support, then 12 of extended', (_minor, l) => {
    const months = (a: string, b: string) => (Number(b.slice(0, 4)) - Number(a.slice(0, 4))) * 12 + Number(b.slice(5, 7)) - Number(a.slice(5, 7));
    expect(months(l.release, l.endOfStandardSupport)).toBe(14);
    expect(months(l.endOfStandardSupport, l.endOfExtendedSupport)).toBe(12);
  });
});

describe('supportStatus (the date is an argument, never the clock)', () => {
  it.each<[string, string, string, number | undefined]>([
    ['1.34', '2026-11-30', 'standard', 2],
    ['1.34', '2026-12-01', 'standard', 1],
    // EKS bills extended support from the start of the end-of-standard day.
    ['1.34', '2026-12-02', 'extended', 365],
    ['1.33', '2026-11-30', 'extended', 241],
    ['1.32', '2027-03-22', 'extended', 1],
    ['1.32', '2027-03-23', 'ended', undefined],
    ['1.36', '2026-11-30', 'standard', 245],
  ])('%s on %s is in %s support (%s days left)', (minor, today, phase, daysLeft) => {
    const s = supportStatus(minor, day(today));
    expect(s.phase).toBe(phase);
    if (daysLeft !== undefined) expect(s).toEqual(expect.objectContaining({ daysLeft }));
  });

  it('knows a minor is not on EKS before its release day', () => {
    expect(supportStatus('1.36', day('2026-06-01')).phase).toBe('unreleased');
    expect(supportStatus('1.36', day('2026-06-02')).phase).toBe('standard');
  });

  it('knows nothing of a minor missing from the table', () => {
    expect(supportStatus('1.20', day('2026-11-30'))).toEqual({ phase: 'unknown' });
  });

  it('counts whole UTC days whatever the time of day', () => {
    expect(daysUntil('2026-12-02', new Date('2026-11-30T00:00:00Z'))).toBe(2);
    expect(daysUntil('2026-12-02', new Date('2026-11-30T23:59:59Z'))).toBe(2);
  });
});

describe('recommendedMinor', () => {
  it('is the minor with the longest standard support on the day', () => {
    expect(recommendedMinor(day('2026-11-30'))).toBe('1.36');
    expect(recommendedMinor(day('2026-03-01'))).toBe('1.35');
    expect(recommendedMinor(day('2028-09-01'))).toBeUndefined();
  });
});

describe('nextMinor', () => {
  it('adds one to the minor', () => {
    expect(nextMinor('1.33')).toBe('1.34');
    expect(nextMinor('1.9')).toBe('1.10');
  });
});

describe('lifecycleWarning', () => {
  it('says nothing more than 90 days before the end of standard support', () => {
    expect(lifecycleWarning(env('1.36'), day('2026-11-30'))).toBeUndefined();
    expect(lifecycleWarning(env('1.35'), day('2026-12-26'))).toBeUndefined(); // 91 days before 2027-03-27
  });

  it('warns within 90 days, naming the date, the days left and the extra cost of extended support', () => {
    expect(lifecycleWarning(env('1.35'), day('2026-12-27'))).toBe(
      'warning: dev: cluster.kubernetesVersion 1.35 leaves EKS standard support on 2027-03-27 (in 90 days): with supportType STANDARD, ' +
        'EKS then upgrades the control plane to 1.36 on its own; EXTENDED instead keeps 1.35 at a higher cost per cluster-hour; ' +
        'upgrade one minor at a time to 1.36 (docs/upgrades.md)',
    );
  });

  it('warns past the end of standard support, in one line, for either support type', () => {
    const extended = lifecycleWarning(env('1.33', 'EXTENDED'), day('2026-11-30'))!;
    expect(extended).toBe(
      'warning: dev: cluster.kubernetesVersion 1.33 left EKS standard support on 2026-07-29: extended support costs more per cluster-hour ' +
        '(until 2027-07-29); upgrade one minor at a time to 1.34 (docs/upgrades.md)',
    );
    const standard = lifecycleWarning(env('1.33'), day('2026-11-30'))!;
    expect(standard).toContain('left EKS standard support on 2026-07-29: with supportType STANDARD, EKS upgrades the control plane to 1.34 on its own');
    expect(standard).toContain('extended support would cost more per cluster-hour');
    for (const line of [extended, standard]) expect(line).not.toContain('\n');
  });

  it('leaves a minor past extended support, or unknown, to validation', () => {
    expect(lifecycleWarning(env('1.32'), day('2027-04-01'))).toBeUndefined();
    expect(lifecycleWarning(env('1.20'), day('2026-11-30'))).toBeUndefined();
  });
});
