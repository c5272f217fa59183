import { type AnswerFact, isAnswerOf } from '../../fixtures/provider-docs/facts';
import { answerFrom } from '../../../dev/sandbox/documented';

/** How a served body is matched to a fact: variable values, keyed collections, echoed values. */
const fact = (body: unknown, extra: Partial<AnswerFact> = {}): AnswerFact => ({
	id: 'test.fact',
	source: 'test',
	documented: true,
	answer: { httpStatus: 200, body },
	...extra,
});

describe('isAnswerOf', () => {
	it('a variable value may change, its shape may not', () => {
		const documented = fact({ error: { code: 1, message: 'a' } }, { variable: ['error.message'] });
		expect(isAnswerOf(documented, { error: { code: 1, message: 'b' } })).toBe(true);
		expect(isAnswerOf(documented, { error: { code: 2, message: 'b' } })).toBe(false);
		expect(isAnswerOf(documented, { error: { code: 1, message: 3 } })).toBe(false);
	});

	it("a keyed collection may hold any keys, each entry of one of the fact's shapes", () => {
		const documented = fact(
			{ app1: { msg_id: '1' }, app2: { error: { code: 1, message: 'x' } }, group_msgid: 'g' },
			{ variable: ['*'] },
		);
		expect(isAnswerOf(documented, { k1: { msg_id: '9' }, group_msgid: 'h' })).toBe(true);
		expect(isAnswerOf(documented, {})).toBe(true);
		expect(isAnswerOf(documented, { k1: { msg_id: 9 } })).toBe(false);
		expect(isAnswerOf(documented, { k1: { msg_id: '9', extra: 1 } })).toBe(false);
		const nested = fact({ tagsCount: { vip: 3 } }, { variable: ['tagsCount.*'] });
		expect(isAnswerOf(nested, { tagsCount: { a: 1, b: 2 } })).toBe(true);
		expect(isAnswerOf(nested, { tagsCount: { a: '1' } })).toBe(false);
		expect(isAnswerOf(nested, { tagsCount: { a: 1 }, more: true })).toBe(false);
	});

	it('an echoed value may be anything, its key may not go', () => {
		const documented = fact([{ id: 's', trigger: { single: { time: 't' } } }], {
			variable: ['*'],
			echoed: ['*.trigger'],
		});
		expect(isAnswerOf(documented, [{ id: 'x', trigger: { periodical: { unit: 'day' } } }])).toBe(
			true,
		);
		expect(isAnswerOf(documented, [{ id: 'x' }])).toBe(false);
	});
});

describe('answerFrom', () => {
	it('fills a keyed collection whole, by its own path, and nothing the fact does not let vary', () => {
		const keyed = fact({ a: { n: 1 } }, { variable: ['*'] });
		expect(answerFrom(keyed, { '': { b: { n: 2 } } }).body).toEqual({ b: { n: 2 } });
		const nested = fact({ tagsCount: { vip: 3 } }, { variable: ['tagsCount.*'] });
		expect(answerFrom(nested, { tagsCount: { x: 1 } }).body).toEqual({ tagsCount: { x: 1 } });
		expect(() => answerFrom(nested, { other: 1 })).toThrow('does not let other vary');
	});
});
