import type { CiAccessConfig } from './stacks/ci-access-stack';

/**
 * The GitHub repository whose Actions workflows (.github/workflows/) plan and
 * deploy these stacks: the `ci-access` stack trusts exactly its pull requests
 * (plan role) and its GitHub environments named like the environment files
 * (deploy role). `undefined` leaves the stack out.
 */
export const ciAccess: CiAccessConfig | undefined = {
  repository: 'example-org/boomi-molecule-eks', // replace with your owner/name
  planRefs: ['pull_request'],
};
