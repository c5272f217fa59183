import type * as SberErrors from '../../../nodes/SberSmartPush/errors';
import { unreachedBranches } from '../../fixtures/provider-docs/readerCoverage';
import { sberAnswerFacts } from '../../fixtures/provider-docs/sber';

/**
 * Every branch of the Sber answer reader is reached by a fact (test/fixtures/provider-docs/sber.ts),
 * save the few listed with the reason no fact can reach them. A branch added without a fact, or a
 * listed one a fact now reaches, fails this test.
 */
const WITHOUT_A_FACT = [
	// Sber's SDK types a status's descr/description and an error's message as required strings.
	'serviceCodeOf: : undefined',
	'serviceCodeOf: : undefined',
];

it('the Sber reader has no branch that no fact reaches', async () => {
	const unreached = await unreachedBranches<typeof SberErrors>(
		'nodes/SberSmartPush/errors.ts',
		(errors) => {
			for (const fact of sberAnswerFacts.filter((candidate) => candidate.answer))
				errors.sberAnswerFailure({
					statusCode: fact.answer!.httpStatus,
					body: fact.answer!.body,
					headers: {},
				});
		},
	);
	expect(unreached).toEqual(WITHOUT_A_FACT);
});
