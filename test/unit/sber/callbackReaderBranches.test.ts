import type * as SberStatuses from '../../../nodes/SberSmartPushTrigger/statuses';
import { unreachedBranches } from '../../fixtures/provider-docs/readerCoverage';
import { sberCallbackFacts } from '../../fixtures/provider-docs/sber';

/** Every branch of the Sber trigger's callback reader is reached by a fact, save those listed with why. */
const WITHOUT_A_FACT = [
	// A device status that is not an object (the SDK types each as {deviceId, product, status}).
	'(anonymous): : {}',
];

it('the Sber callback reader has no branch that no fact reaches', async () => {
	const unreached = await unreachedBranches<typeof SberStatuses>(
		'nodes/SberSmartPushTrigger/statuses.ts',
		(statuses) => {
			for (const fact of sberCallbackFacts) statuses.statusItems(fact.body);
		},
	);
	expect(unreached).toEqual(WITHOUT_A_FACT);
});
