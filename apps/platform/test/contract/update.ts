/**
 * `npm run contract:update`: rewrites apps/platform/contract/resource-addresses.json
 * from what the app synthesizes now, after printing what changes. Run it only when
 * a change of addresses is intended and the state has been (or will be) moved.
 */
import { CONTRACT_FILE, compareContracts, describeDifferences, readContract, synthesizeApp, writeContract } from './resource-addresses';

const { contract, moved } = synthesizeApp();
const differences = compareContracts(readContract(), contract, moved);
writeContract(contract);
const total = Object.values(contract.stacks).reduce((n, s) => n + s.addresses.length, 0);
if (differences.length === 0) {
  process.stdout.write(`${CONTRACT_FILE}: unchanged (${Object.keys(contract.stacks).length} stacks, ${total} addresses)\n`);
} else {
  process.stdout.write(`${describeDifferences(differences)}\n\n${CONTRACT_FILE} updated (${Object.keys(contract.stacks).length} stacks, ${total} addresses).\n`);
}
