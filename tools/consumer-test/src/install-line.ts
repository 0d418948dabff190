/**
 * What a team installs to use one library: the library, plus every peer
 * dependency it declares and every peer its @boomi-eks dependencies declare
 * (recursively: their code imports those, and `npm install --legacy-peer-deps`
 * or pnpm would not add them). Peers marked optional in `peerDependenciesMeta`
 * are left out: they serve a secondary entry point only (`@boomi-eks/primitives/helm`
 * needs `@cdktf/provider-helm`), and a lib that uses that entry point declares
 * them as its own peers. Each lib README's install line must be exactly this,
 * and the per-library consumer test installs exactly this.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export const SCOPE = '@boomi-eks/';

interface LibManifest {
  readonly name: string;
  readonly dependencies?: Record<string, string>;
  readonly peerDependencies?: Record<string, string>;
  readonly peerDependenciesMeta?: Record<string, { readonly optional?: boolean }>;
}

/** The peers a manifest requires (those not marked optional in `peerDependenciesMeta`). */
export function requiredPeers(m: LibManifest): [string, string][] {
  return Object.entries(m.peerDependencies ?? {}).filter(([peer]) => !m.peerDependenciesMeta?.[peer]?.optional);
}

export function libManifest(root: string, lib: string): LibManifest {
  return JSON.parse(fs.readFileSync(path.join(root, 'libs', lib, 'package.json'), 'utf8'));
}

/** The peers to install next to `lib`: name → range ('' for a @boomi-eks peer, installed at its own version). */
export function peersToInstall(root: string, lib: string): Map<string, string> {
  const peers = new Map<string, string>();
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    const m = libManifest(root, name.slice(SCOPE.length));
    for (const [peer, range] of requiredPeers(m)) {
      peers.set(peer, peer.startsWith(SCOPE) ? '' : range);
      if (peer.startsWith(SCOPE)) visit(peer);
    }
    for (const dep of Object.keys(m.dependencies ?? {})) if (dep.startsWith(SCOPE)) visit(dep);
  };
  visit(`${SCOPE}${lib}`);
  return new Map([...peers].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** The @boomi-eks packages `lib` needs in node_modules: itself, its peers and its dependencies, recursively. */
export function scopedClosure(root: string, lib: string): string[] {
  const out = new Set<string>();
  const visit = (name: string) => {
    if (out.has(name)) return;
    out.add(name);
    const m = libManifest(root, name.slice(SCOPE.length));
    for (const d of [...Object.keys(m.dependencies ?? {}), ...Object.keys(m.peerDependencies ?? {})]) if (d.startsWith(SCOPE)) visit(d);
  };
  visit(`${SCOPE}${lib}`);
  return [...out].sort();
}

/** The README line: `npm install [-D] @boomi-eks/<lib> <peer>[@<range>] ...` (test helpers as a dev dependency). */
export function expectedInstallLine(root: string, lib: string): string {
  const peers = [...peersToInstall(root, lib)].map(([name, range]) => (range ? `${name}@${range}` : name));
  return ['npm install', ...(lib === 'testing' ? ['-D'] : []), `${SCOPE}${lib}`, ...peers].join(' ');
}

/** The `npm install …` line of a lib README (the first one). */
export function readmeInstallLine(root: string, lib: string): string | undefined {
  const readme = fs.readFileSync(path.join(root, 'libs', lib, 'README.md'), 'utf8');
  return /^npm install .*$/m.exec(readme)?.[0].trim();
}
