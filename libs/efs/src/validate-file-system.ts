/**
 * The EFS lib's rules, as pure validators returning `PropsIssue`s (paths
 * relative to the props): `MoleculeFileSystem` throws them as one
 * `InvalidPropsError`; `@boomi-eks/config` re-bases `posixUser` issues under
 * `molecule.fileSystemUser`. No cdktf imports here (lint enforces it): values
 * that are cdktf tokens are skipped through the `isUnresolved` option.
 */
import type { PropsIssue, ValidateOptions } from '@boomi-eks/primitives';
import { MAX_POSIX_ID } from './efs-defaults';

export type { ValidateOptions } from '@boomi-eks/primitives';

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

/** `uid` and `gid` (paths `uid`, `gid`): whole numbers from 0 to {@link MAX_POSIX_ID}. */
export function validatePosixUser(user: { readonly uid: number; readonly gid: number }, options: ValidateOptions = {}): PropsIssue[] {
  return (['uid', 'gid'] as const).flatMap((key) => {
    const value = user[key];
    if (options.isUnresolved?.(value) || (Number.isInteger(value) && value >= 0 && value <= MAX_POSIX_ID)) return [];
    return [{ path: key, value, message: `must be an integer in 0..${MAX_POSIX_ID}`, fix: "use the image's user, e.g. 1000" }];
  });
}

/** An access point's directory (path `path`): absolute, at most 100 characters (an EFS limit). */
export function validateDirectory(path: string, options: ValidateOptions = {}): PropsIssue[] {
  if (options.isUnresolved?.(path) || (path.startsWith('/') && path.length <= 100)) return [];
  return [{ path: 'path', value: path, message: 'must be an absolute directory of at most 100 characters', fix: "write it such as '/boomi'" }];
}

/** What {@link validateMoleculeFileSystemProps} reads of `MoleculeFileSystemProps`. */
export interface FileSystemRulesInput {
  readonly path?: string;
  readonly posixUser?: { readonly uid: number; readonly gid: number };
}

/** Every problem of the file system's props (paths `path`, `posixUser.uid`, …), all at once. */
export function validateMoleculeFileSystemProps(props: FileSystemRulesInput, options: ValidateOptions = {}): PropsIssue[] {
  return [
    ...(props.path === undefined ? [] : validateDirectory(props.path, options)),
    ...(props.posixUser === undefined ? [] : validatePosixUser(props.posixUser, options).map((i) => ({ ...i, path: `posixUser.${i.path}` }))),
  ];
}

/** What {@link validateMoleculeAccessPoint} judges a further access point against. */
export interface AccessPointContext {
  /** Names of the access points added so far. */
  readonly usedNames: ReadonlySet<string>;
  /** The first Molecule's directory. */
  readonly firstPath: string;
}

/**
 * A further Molecule's access point (paths `name`, `path`, `posixUser.*`): a
 * DNS-1123 name not used yet, and a directory of its own.
 */
export function validateMoleculeAccessPoint(
  name: string,
  options: { readonly path: string; readonly posixUser?: { readonly uid: number; readonly gid: number } },
  context: AccessPointContext,
): PropsIssue[] {
  const issues: PropsIssue[] = [];
  if (!DNS_LABEL.test(name)) {
    issues.push({ path: 'name', value: name, message: "must be a DNS-1123 label such as 'team-b'", fix: 'rename it: it names the construct and the tag' });
  } else if (context.usedNames.has(name)) {
    issues.push({ path: 'name', value: name, message: 'is already used on this file system', fix: 'give each Molecule its own name' });
  }
  if (options.path === context.firstPath) {
    issues.push({ path: 'path', value: options.path, message: "is the first Molecule's directory", fix: `give '${name}' its own, e.g. '/boomi-${name}'` });
  } else {
    issues.push(...validateDirectory(options.path));
  }
  if (options.posixUser) issues.push(...validatePosixUser(options.posixUser).map((i) => ({ ...i, path: `posixUser.${i.path}` })));
  return issues;
}
