/**
 * The environment files compiled into the app, when it runs as a bundle.
 *
 * In the sources this is `undefined`: under tsx or jest the loader
 * (./environments/load.ts) requires each file of the folder at run time.
 * tools/synth/synth.js (`npm run synth`) replaces this module, when it
 * bundles the app, with one generated from the environments folder it
 * synthesizes (tools/synth/environment-modules.js): the folder, and one
 * function per file that evaluates it. So the bundle runs on plain `node`.
 */
export interface BundledEnvironments {
  /** The folder the bundle was built from (absolute). */
  readonly dir: string;
  /** By file name (`dev.ts`): evaluates the file and returns its exports. */
  readonly modules: Readonly<Record<string, () => { default?: unknown }>>;
}

export const bundledEnvironments: BundledEnvironments | undefined = undefined;
