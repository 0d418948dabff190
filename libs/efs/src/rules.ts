/**
 * `@boomi-eks/efs/rules`: the light entry point (no cdktf or constructs) with
 * the EFS lib's defaults and pure validators, for `@boomi-eks/config`.
 */
export { EFS_DEFAULTS, MAX_POSIX_ID } from './efs-defaults';
export {
  validateDirectory,
  validateMoleculeAccessPoint,
  validateMoleculeFileSystemProps,
  validatePosixUser,
  type AccessPointContext,
  type FileSystemRulesInput,
  type ValidateOptions,
} from './validate-file-system';
