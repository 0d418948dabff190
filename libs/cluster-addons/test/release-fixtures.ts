/** Shared by this lib's specs; lives outside src/ so the lib build never ships it. */
import type { Construct } from 'constructs';
import { HelmProvider } from '@cdktf/provider-helm/lib/provider';
import { Release } from '@cdktf/provider-helm/lib/release';
import { onlyResource, synthConstruct } from '@boomi-eks/testing';

/** Synthesizes one release-making construct next to a helm provider; returns the release JSON and the construct. */
export function synthRelease<T>(build: (scope: Construct) => T): { release: Record<string, any>; construct: T } {
  const { json, result } = synthConstruct((s) => {
    new HelmProvider(s, 'helm', { kubernetes: { host: 'https://example.eks.amazonaws.com' } });
    return build(s);
  });
  return { release: onlyResource(json, Release.tfResourceType), construct: result };
}
