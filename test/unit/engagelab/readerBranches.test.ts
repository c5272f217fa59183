import type * as EngageLabErrors from '../../../nodes/EngageLab/errors';
import { engageLabAnswerFacts } from '../../fixtures/provider-docs/engagelab';
import { unreachedBranches } from '../../fixtures/provider-docs/readerCoverage';

/**
 * Every branch of the EngageLab answer reader is reached by a fact (test/fixtures/provider-docs/
 * engagelab.ts), save those listed with the reason no fact can reach them. Each fact is read as a
 * push's answer and as a group push's; a group answer's per-app entries as the group plan reads them.
 */
const WITHOUT_A_FACT: string[] = [];

it('the EngageLab reader has no branch that no fact reaches', async () => {
	const unreached = await unreachedBranches<typeof EngageLabErrors>(
		'nodes/EngageLab/errors.ts',
		(errors) => {
			for (const fact of engageLabAnswerFacts.filter((candidate) => candidate.answer)) {
				const answer = {
					statusCode: fact.answer!.httpStatus,
					body: fact.answer!.body,
					headers: {},
				};
				errors.engageLabAnswerFailure(answer);
				errors.engageLabGroupAnswerFailure(answer);
				if (fact.id.startsWith('engagelab.grouppush.'))
					for (const entry of Object.values(fact.answer!.body as object))
						if (typeof entry === 'object' && entry !== null && 'error' in entry)
							errors.engageLabGroupFailure({ statusCode: 200, body: entry, headers: {} });
			}
		},
	);
	expect(unreached).toEqual(WITHOUT_A_FACT);
});
