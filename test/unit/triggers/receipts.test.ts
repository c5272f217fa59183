import { dedupeKey, sameSecret } from '../../../nodes/shared/receipts';

describe('receipt helpers', () => {
	it('compares secrets of any length without throwing', () => {
		expect(sameSecret('s3cret-value', 's3cret-value')).toBe(true);
		expect(sameSecret('s3cret-valuE', 's3cret-value')).toBe(false);
		expect(sameSecret('', 's3cret-value')).toBe(false);
		expect(sameSecret('s3cret-value-and-more', 's3cret-value')).toBe(false);
	});

	it('keys content, not its key order; providers do not share keys', () => {
		expect(dedupeKey('p', { a: 1, b: [{ c: 2, d: 3 }] })).toBe(
			dedupeKey('p', { b: [{ d: 3, c: 2 }], a: 1 }),
		);
		expect(dedupeKey('p', { a: 1 })).not.toBe(dedupeKey('p', { a: 2 }));
		expect(dedupeKey('p', { a: 1 })).not.toBe(dedupeKey('q', { a: 1 }));
	});
});
