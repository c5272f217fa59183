import type { IDataObject } from 'n8n-workflow';

import type * as RuStoreErrors from '../../../nodes/RuStorePush/errors';
import { ruStoreAnswerFacts } from '../../fixtures/provider-docs/rustore';
import { unreachedBranches } from '../../fixtures/provider-docs/readerCoverage';

/** Every branch of the RuStore answer reader is reached by a fact, save those listed with why. */
const WITHOUT_A_FACT: string[] = [
	// The send page's error object always carries a message (its table: code, message, status).
	"tokenIsNamed: ?? ''",
];

it('the RuStore reader has no branch that no fact reaches', async () => {
	const unreached = await unreachedBranches<typeof RuStoreErrors>(
		'nodes/RuStorePush/errors.ts',
		(errors) => {
			for (const fact of ruStoreAnswerFacts.filter((candidate) => candidate.answer)) {
				const answer = {
					statusCode: fact.answer!.httpStatus,
					body: fact.answer!.body,
					headers: {},
				};
				if (fact.id.startsWith('rustore.send.')) errors.ruStoreAnswerFailure(answer);
				else errors.ruStoreTopicsAnswerFailure(answer);
				// A batch answer's per-token errors, and the send page's token errors as a batch lists them.
				const entries = (fact.answer!.body as { errors?: Array<{ error: IDataObject }> }).errors;
				for (const entry of entries ?? []) errors.tokenFailure(entry.error);
				const nested = (fact.answer!.body as { error?: IDataObject }).error;
				if (nested) errors.tokenFailure(nested);
			}
		},
	);
	expect(unreached).toEqual(WITHOUT_A_FACT);
});
