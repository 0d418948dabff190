// Shared by the config specs: the smallest valid environment (3 AZs, seed 000's
// defaults) and a deep merge to vary it. Objects merge key by key; arrays and
// scalars replace.
import { formatIssue, type PropsIssue } from '@boomi-eks/primitives';
import type { EnvironmentInput } from '../src/schema';

export type DeepPartial<T> = T extends readonly unknown[] ? T : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T;
export type Overrides = DeepPartial<EnvironmentInput>;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function deepMerge(base: unknown, override: unknown): unknown {
  if (override === undefined) return base;
  if (!isObject(base) || !isObject(override)) return override;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) out[key] = deepMerge(base[key], value);
  return out;
}

export const BASE_INPUT: EnvironmentInput = {
  name: 'dev',
  region: 'us-east-1',
  accountId: '123456789012',
  availabilityZones: ['us-east-1a', 'us-east-1b', 'us-east-1c'],
  state: { bucket: 'dev-boomi-tf-state' },
  cluster: {
    adminPrincipalArns: ['arn:aws:iam::123456789012:role/platform-admin'],
    endpoint: { publicAccessCidrs: ['203.0.113.0/24'] },
  },
  molecule: {
    auth: { secretName: 'boomi/dev/molecule' },
    service: { sourceRanges: ['198.51.100.0/24'] },
    platformUrl: 'https://platform.boomi.com',
    image: { tag: '5.0.1' },
  },
};

export function validInput(overrides: Overrides = {}): EnvironmentInput {
  return deepMerge(BASE_INPUT, overrides) as EnvironmentInput;
}

/**
 * Issues as users read them: the path, and the rest of the printed line
 * (`(<value>) <problem>: <fix>`, primitives' formatIssue). The specs assert on
 * this text; the structured fields are asserted where they matter.
 */
export function printed(issues: readonly PropsIssue[]): { path: string; message: string }[] {
  return issues.map((i) => ({ path: i.path, message: formatIssue(i).slice(i.path.length + 2) }));
}

/** A valid second Molecule (`additionalMolecules` entry): team B, everything that must differ from the first differing. */
export const TEAM_B = {
  name: 'team-b',
  namespace: 'team-b',
  atomName: 'team-b-molecule',
  platformUrl: 'https://platform.boomi.com',
  image: { tag: '5.0.2' },
  auth: { kind: 'installerToken', secretName: 'boomi/dev/team-b' },
  service: { scheme: 'internal' },
  hpa: { minReplicas: 2, maxReplicas: 6 },
  replicas: 2,
} as const;
