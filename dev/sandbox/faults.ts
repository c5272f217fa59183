import type { FaultName, FaultOptions } from './types';

const ORDER: FaultName[] = [
	'rate429',
	'rate503',
	'resetBeforeRead',
	'resetAfterRead',
	'slow',
	'malformedJson',
];

/** Draws at most one fault for a request, from the configured probabilities. */
export function drawFault(
	faults: FaultOptions | undefined,
	provider: string,
	random: () => number,
): FaultName | undefined {
	if (!faults || (faults.providers && !faults.providers.includes(provider))) return undefined;
	const roll = random();
	let threshold = 0;
	for (const name of ORDER) {
		threshold += faults[name] ?? 0;
		if (roll < threshold) return name;
	}
	return undefined;
}
