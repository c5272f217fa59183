import type * as UniversalErrors from '../../../nodes/RuStoreUniversalPush/errors';
import { TOKEN_PROVIDERS } from '../../../nodes/RuStoreUniversalPush/schema';
import { unreachedBranches } from '../../fixtures/provider-docs/readerCoverage';
import { universalFacts } from '../../fixtures/provider-docs/rustoreUniversal';

/** Every branch of the universal answer reader is reached by a fact, save those listed with why. */
const WITHOUT_A_FACT: string[] = [
	// withoutSecrets: an error that is not text (the pages' errors are strings) is left as it is.
	'(anonymous): return;',
];

it('the universal reader has no branch that no fact reaches', async () => {
	const unreached = await unreachedBranches<typeof UniversalErrors>(
		'nodes/RuStoreUniversalPush/errors.ts',
		(errors) => {
			for (const fact of universalFacts.filter((candidate) => candidate.answer)) {
				const { httpStatus, body } = fact.answer!;
				errors.universalAnswerFailure({ statusCode: httpStatus, body, headers: {} });
				const read = errors.readUniversalAnswer(body);
				for (const provider of [...TOKEN_PROVIDERS, undefined]) errors.notOkFailure(provider, read);
				errors.withoutSecrets(structuredClone(body), ['AAAbbbCC123']);
			}
		},
	);
	expect(unreached).toEqual(WITHOUT_A_FACT);
});
