import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { ERROR_CODES } from '../../../nodes/EngageLab/errors';

/** The README's table of EngageLab codes, row by row, as the node's table says them. */
describe("README: EngageLab's codes", () => {
	it('lists every code of the node with its status, meaning and action, and no other', () => {
		const readme = readFileSync(join(__dirname, '../../../README.md'), 'utf8');
		const section = readme.slice(readme.indexOf("### EngageLab's codes"));
		const table = section.slice(section.indexOf('| Code | Status | Meaning | What to do |'));
		const rows = table
			.split('\n')
			.slice(2)
			.filter((line) => /^\| \d+ \|/.test(line));
		const expected = Object.entries(ERROR_CODES)
			.sort(([a], [b]) => Number(a) - Number(b))
			.map(([code, meaning]) => {
				const notes = [
					meaning.retryable ? 'retried' : '',
					meaning.refusesCredential ? 'stops the run' : '',
				].filter(Boolean);
				const status = `\`${meaning.status}\`${notes.length ? ` (${notes.join(', ')})` : ''}`;
				return `| ${code} | ${status} | ${meaning.meaning} | ${meaning.action} |`;
			});
		expect(rows).toEqual(expected);
	});
});
