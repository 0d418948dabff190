/**
 * Production-safe Molecule rules (issue 17): no sandbox platform outside a
 * sandbox, no mutable image tag unless allowed. Kept apart from rules.ts.
 */
import type { ConfigIssue } from './errors';
import type { Environment } from './environment-types';
import { MOLECULE_DEFAULTS, MUTABLE_IMAGE_TAGS } from '@boomi-eks/molecule/rules';
import { BOOMI_SANDBOX_PLATFORM_URL } from './schema-molecule';

/** The usual production platform URL: the Molecule chart's default (the boomi/molecule image's own). */
const BOOMI_PLATFORM_URL = MOLECULE_DEFAULTS.platformUrl;

type Rule = (env: Environment) => ConfigIssue[];

const platformUrl: Rule = (env) => {
  const m = env.molecule;
  if (m.platformUrl === undefined) {
    return [
      {
        path: 'molecule.platformUrl',
        value: m.platformUrl,
        message: 'is required',
        fix:
          `this environment is not marked as a sandbox (molecule.sandbox is false), so it must name its platform; ` +
          `usually ${BOOMI_PLATFORM_URL} (set molecule.sandbox true to attach to ${BOOMI_SANDBOX_PLATFORM_URL})`,
      },
    ];
  }
  if (!m.sandbox && /(^|\.)sandbox\.boomi\.com$/.test(new URL(m.platformUrl).hostname)) {
    return [
      {
        path: 'molecule.platformUrl',
        value: m.platformUrl,
        message: "is Boomi's sandbox but molecule.sandbox is false",
        fix: `use your platform URL, usually ${BOOMI_PLATFORM_URL}, or set molecule.sandbox true`,
      },
    ];
  }
  return [];
};

const imagePinned: Rule = (env) => {
  const image = env.molecule.image;
  if (image.digest !== undefined || image.allowMutableTag || !MUTABLE_IMAGE_TAGS.includes(image.tag)) return [];
  return [
    {
      path: 'molecule.image.tag',
      value: image.tag,
      message: 'is a mutable tag',
      fix:
        'every Boomi release moves it, so two pods (or a rollback) may run different images. ' +
        `Pin a version tag from hub.docker.com/r/boomi/molecule/tags, or set molecule.image.digest (sha256:…); ` +
        `set molecule.image.allowMutableTag true only where tracking the release is intended`,
    },
  ];
};

export const MOLECULE_PRODUCTION_RULES: readonly Rule[] = [platformUrl, imagePinned];
