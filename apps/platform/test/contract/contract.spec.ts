// The resource address contract (see resource-addresses.ts): synthesizes the app
// as `npm run synth` does and compares every stack's Terraform addresses with
// apps/platform/contract/resource-addresses.json. A renamed construct id, a moved
// construct or a moved state key fails here with the addresses Terraform would
// destroy and create, until the contract is updated on purpose.
import { compareContracts, describeDifferences, readContract, synthesizeApp } from './resource-addresses';

describe('resource address contract', () => {
  it('keeps every Terraform address of every stack (else: the addresses that would be replaced)', () => {
    const { contract, moved } = synthesizeApp();
    expect(Object.keys(contract.stacks).length).toBeGreaterThan(0);
    const differences = compareContracts(readContract(), contract, moved);
    if (differences.length > 0) throw new Error(describeDifferences(differences));
  }, 120_000);
});
