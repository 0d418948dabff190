/**
 * The EFS lib's defaults, as plain frozen data: the one owner of each.
 * `@boomi-eks/config` builds `molecule.fileSystemUser`'s default from
 * {@link EFS_DEFAULTS} (through `@boomi-eks/efs/rules`). No cdktf imports here
 * (lint enforces it).
 */
import { deepFreeze } from '@boomi-eks/primitives';

/** Defaults of {@link MoleculeFileSystemProps} and its access points. */
export const EFS_DEFAULTS = deepFreeze({
  /** Directory of the first Molecule on the file system. */
  path: '/boomi',
  /** Owner of that directory: the boomi/molecule image's `boomi` user. */
  posixUser: { uid: 1000, gid: 1000 },
  /** Directory of a further Molecule: `<prefix><name>`. */
  accessPointPathPrefix: '/boomi-',
  /** Mode of each Molecule's directory when EFS creates it. */
  directoryPermissions: '0750',
} as const);

/** Largest POSIX uid/gid EFS accepts for an access point's user. */
export const MAX_POSIX_ID = 4294967295;
