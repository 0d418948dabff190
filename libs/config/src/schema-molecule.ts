/**
 * Production-safe Molecule fields (issue 17), kept apart from schema.ts so the
 * cluster and node-group sections can change independently. Composed into
 * EnvironmentSchema's `molecule` section. Reasons: docs/production-defaults.md.
 */
import { z } from 'zod';
import { MOLECULE_DEFAULTS } from '@boomi-eks/molecule/rules';
import { cidr } from './schema-fields';

/** Boomi's sandbox platform (seed 000's URL): only for environments marked `molecule.sandbox`. */
export const BOOMI_SANDBOX_PLATFORM_URL = 'https://starlord.sandbox.boomi.com';

const D = MOLECULE_DEFAULTS;

/** `molecule.image`: a pinned version tag or a digest, unless a mutable tag is allowed explicitly. */
export const MoleculeImageSchema = z
  .strictObject({
    /** @default 'boomi/molecule' */
    repository: z.string().default(D.image.repository),
    /**
     * A version tag. `release`, `release-rhel` and `latest` move with every Boomi
     * release and are refused unless `allowMutableTag` is true.
     * @default 'release' (seed 000; refused unless allowMutableTag or digest)
     */
    tag: z.string().default(D.image.tag),
    /** Content digest; when set the image is `<repository>@<digest>` and the tag is ignored. @default - none */
    digest: z.string().optional(),
    /** Accept a mutable tag (a sandbox or dev environment that tracks Boomi's release). @default false */
    allowMutableTag: z.boolean().default(false),
    /** @default 'IfNotPresent' when pinned (version tag or digest), 'Always' for an allowed mutable tag */
    pullPolicy: z.enum(['Always', 'IfNotPresent', 'Never']).optional(),
  })
  .prefault({});

/** `molecule.networkPolicy`: the namespace's default deny and the Molecule's allowances. */
export const MoleculeNetworkPolicySchema = z
  .strictObject({
    /** Default-deny NetworkPolicies (enforced by the VPC CNI's network policy agent). @default true */
    enabled: z.boolean().default(D.networkPolicy.enabled),
    /** Where HTTPS (443) may go: the platform has no fixed CIDRs that a NetworkPolicy could name. @default ['0.0.0.0/0'] */
    platformCidrs: z.array(cidr).min(1).default(() => [...D.networkPolicy.platformCidrs]),
    /** Further egress (the systems your processes call): CIDR and ports. @default [] */
    extraEgress: z
      .array(
        z.strictObject({
          cidr,
          ports: z
            .array(z.strictObject({ port: z.number().int().min(1).max(65535), protocol: z.enum(['TCP', 'UDP']).default('TCP') }))
            .min(1, { message: 'must list at least one port: an empty list would allow every port' }),
        }),
      )
      .default([]),
  })
  .prefault({});

/** The fields composed into `molecule` (schema.ts). */
export const moleculeProductionFields = {
  /**
   * This environment's Molecule attaches to Boomi's sandbox platform. Only then
   * may `platformUrl` be left out (it becomes the sandbox URL). @default false
   */
  sandbox: z.boolean().default(false),
  /**
   * URL: the platform the Molecule attaches to. Required unless `sandbox` is
   * true; usually https://platform.boomi.com. @default - none (sandbox: https://starlord.sandbox.boomi.com)
   */
  platformUrl: z.url({ protocol: /^https$/ }).optional(),
  image: MoleculeImageSchema,
  /**
   * Backing of /run and /tmp. `Disk`: seed 000's emptyDir on the node's disk.
   * `Memory`: a tmpfs; its pages count toward the 1536Mi limit and the HPA's
   * memory metric, so raise the limit by what the Molecule writes there.
   * @default 'Disk'
   */
  tmpfsMedium: z.enum(['Disk', 'Memory']).default(D.tmpfsMedium),
  /**
   * Spread over AZs (maxSkew 1). `required`: a pod waits rather than crowd an
   * AZ (the autoscaler grows that AZ's group; the capacity rule checks the
   * smallest AZ). `preferred`: best effort. Hosts are always a preference.
   * @default 'required'
   */
  zoneSpread: z.enum(['required', 'preferred']).default(D.topologySpread.zone === 'DoNotSchedule' ? 'required' : 'preferred'),
  networkPolicy: MoleculeNetworkPolicySchema,
};
