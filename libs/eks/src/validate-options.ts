// The options every validator takes (deploy-time tokens): one owner, @boomi-eks/primitives.
export { unresolvedOf, type ValidateOptions } from '@boomi-eks/primitives';
