/**
 * `@boomi-eks/molecule/rules`: the light entry point (no cdktf, cdk8s or
 * constructs) with the Molecule chart's defaults and pure validators, for
 * `@boomi-eks/config` and any tool that checks props without synthesizing.
 */
export { MOLECULE_DEFAULTS, MOLECULE_EXTERNAL_SECRET_DEFAULTS, MUTABLE_IMAGE_TAGS } from './molecule-defaults';
export { validateMoleculeExternalSecret, type ExternalSecretRulesInput } from './validate-external-secret';
export {
  MOLECULE_LIMITS,
  type IntegerBounds,
  validateMoleculeHpa,
  validateMoleculeImage,
  validateMoleculeProbes,
  validateMoleculeProps,
  validateMoleculeResources,
  validateMoleculeSecurity,
  validateMoleculeService,
  type ValidateOptions,
} from './validate-molecule-props';
export type {
  MoleculeChartProps,
  MoleculeHpa,
  MoleculeImage,
  MoleculeProbes,
  MoleculeResources,
  MoleculeSecurity,
  MoleculeService,
  ResolvedMoleculeProps,
} from './molecule-props';
