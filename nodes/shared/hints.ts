import type { NodeHint } from 'n8n-workflow';

/** From this many input items, n8n's preparation of every item outweighs the sending (README, Performance). */
export const MANY_ITEMS = 100;

const CAMPAIGN_EXAMPLE =
	'See the example workflow <i>Campaign to every stored token</i> (examples/rustore-campaign-to-stored-tokens.json).';

/**
 * Shown in the output pane after a send operation ran on many items: n8n's declarative engine prepares
 * every item before the first request, so one push per item takes about twice the time the rate allows.
 */
function manyItemsHint(operations: string[], advice: string): NodeHint {
	return {
		type: 'info',
		location: 'outputPane',
		whenToDisplay: 'afterExecution',
		displayCondition: `={{ ${JSON.stringify(operations)}.includes($parameter["operation"]) && $input.all().length >= ${MANY_ITEMS} }}`,
		message: `This node sent one push per input item. n8n prepares every item before the first request, so many items take longer than the rate allows. ${advice}`,
	};
}

/** Per provider, for the node description's `hints`. */
export const perItemHints: Record<'ruStore' | 'sber' | 'engageLab', NodeHint[]> = {
	ruStore: [
		manyItemsHint(
			['send'],
			`For a campaign, gather the tokens into one item (an Aggregate node) and use <b>Message → Send to Many</b>: it runs at the rate. ${CAMPAIGN_EXAMPLE}`,
		),
	],
	engageLab: [
		manyItemsHint(
			['send'],
			`For a campaign, gather the registration IDs into one item (an Aggregate node) and give the list to <b>Recipients → Registration IDs</b>: up to 1,000 IDs go in one request. ${CAMPAIGN_EXAMPLE}`,
		),
	],
	sber: [
		manyItemsHint(
			['sendLite', 'sendExtended'],
			'Sber takes one user per request: for a large audience, send it in batches (a Loop Over Items node) so that sending starts sooner.',
		),
	],
};
