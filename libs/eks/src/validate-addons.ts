/**
 * The rules of EKS managed add-ons and Pod Identity roles, as pure functions:
 * `ClusterAddons` and `PodIdentityRole` throw them as one `InvalidPropsError`.
 */
import type { PropsIssue } from '@boomi-eks/primitives';
import { unresolvedOf, type ValidateOptions } from './validate-options';

/** An exact EKS add-on build: `vX.Y.Z-eksbuild.N` (never `most_recent`). */
export const EKS_ADDON_BUILD = /^v\d+\.\d+\.\d+-eksbuild\.\d+$/;

/** IAM's longest role name. */
export const IAM_ROLE_NAME_MAX_LENGTH = 64;

/** Every problem of `ClusterAddons` props: versions that are not exact builds, names given twice. */
export function validateClusterAddons(
  props: { readonly addons: readonly { readonly name: string; readonly version: string }[] },
  options: ValidateOptions = {},
): PropsIssue[] {
  const unresolved = unresolvedOf(options);
  const out: PropsIssue[] = [];
  const seen = new Set<string>();
  props.addons.forEach((a, i) => {
    if (seen.has(a.name)) out.push({ path: `addons[${i}].name`, value: a.name, message: 'is listed twice', fix: 'list each add-on once' });
    seen.add(a.name);
    if (!unresolved(a.version) && !EKS_ADDON_BUILD.test(a.version)) {
      out.push({
        path: `addons[${i}].version`,
        value: a.version,
        message: `is not an exact EKS build (vX.Y.Z-eksbuild.N) of add-on '${a.name}'`,
        fix: `pin one from \`aws eks describe-addon-versions --addon-name ${a.name}\`, e.g. v1.21.2-eksbuild.2`,
      });
    }
  });
  return out;
}

/** Every problem of `PodIdentityRole` props: a role name IAM would refuse. */
export function validatePodIdentityRole(props: { readonly roleName: string }, options: ValidateOptions = {}): PropsIssue[] {
  if (unresolvedOf(options)(props.roleName) || props.roleName.length <= IAM_ROLE_NAME_MAX_LENGTH) return [];
  return [
    {
      path: 'roleName',
      value: props.roleName,
      message: `is ${props.roleName.length} characters: IAM allows ${IAM_ROLE_NAME_MAX_LENGTH}`,
      fix: `shorten it to ${IAM_ROLE_NAME_MAX_LENGTH} characters or fewer`,
    },
  ];
}
