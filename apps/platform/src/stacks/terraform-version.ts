import type { TerraformStack } from 'cdktf';

/**
 * The Terraform CLI every stack needs: 1.10 brought S3-native state locking
 * (`use_lockfile`), which every S3 backend here uses.
 */
export const TERRAFORM_REQUIRED_VERSION = '>= 1.10';

/** Writes `terraform.required_version` into a stack (cdktf has no field for it). */
export function requireTerraformVersion(stack: TerraformStack): void {
  stack.addOverride('terraform.required_version', TERRAFORM_REQUIRED_VERSION);
}
