import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { ERROR_CODES } from '../../../nodes/EngageLab/errors';

/**
 * The table of EngageLab codes in docs/errors.md (the README links it) against the node's own table.
 * Only the facts are compared: which codes, which status, and whether the code is retried or stops
 * the run. The meaning and action columns are prose a writer may reword, so they are not compared.
 */
function documentedRows(): Map<string, string> {
	const page = readFileSync(join(__dirname, '../../../docs/errors.md'), 'utf8');
	const section = page.slice(page.indexOf('## EngageLab'));
	const rows = new Map<string, string>();
	for (const line of section.split('\n')) {
		const cells = line.split('|').map((cell) => cell.trim());
		// | code | `status` (notes) | meaning | action |
		if (/^\d+$/.test(cells[1] ?? '')) rows.set(cells[1], cells[2]);
	}
	return rows;
}

/** `rate_limited`, or `unknown` (retried), or `rejected` (stops the run): the status cell's facts. */
function facts(statusCell: string): { status: string; retried: boolean; stopsRun: boolean } {
	return {
		status: /`([a-z_]+)`/.exec(statusCell)?.[1] ?? '',
		retried: /\bretried\b/.test(statusCell),
		stopsRun: /\bstops the run\b/.test(statusCell),
	};
}

describe("docs/errors.md: EngageLab's codes", () => {
	const rows = documentedRows();

	it('lists every code of the node and no other', () => {
		expect([...rows.keys()].sort()).toEqual(Object.keys(ERROR_CODES).sort());
	});

	it.each(Object.entries(ERROR_CODES))(
		'gives code %s the status, retry and stop the node gives it',
		(code, meaning) => {
			expect(facts(rows.get(code) ?? '')).toEqual({
				status: meaning.status,
				retried: Boolean(meaning.retryable),
				stopsRun: Boolean(meaning.refusesCredential),
			});
		},
	);
});
