import { chunk, deduplicate, toStringList } from '../../../nodes/shared/lists';

describe('toStringList', () => {
	it('splits text on commas and new lines, trimming and dropping blanks', () => {
		expect(toStringList(' a, b\n\nc ,\r\n d ')).toEqual(['a', 'b', 'c', 'd']);
	});

	it('takes arrays from expressions, including nested arrays and numbers', () => {
		expect(toStringList(['a', ['b', 'c'], 7, ''])).toEqual(['a', 'b', 'c', '7']);
	});

	it('gives an empty list for nothing', () => {
		expect(toStringList(undefined)).toEqual([]);
		expect(toStringList(null)).toEqual([]);
		expect(toStringList('  ')).toEqual([]);
	});
});

describe('deduplicate', () => {
	it('keeps first appearances in order and counts repeats', () => {
		const { unique, repeats } = deduplicate(['a', 'b', 'a', 'c', 'a', 'b']);
		expect(unique).toEqual(['a', 'b', 'c']);
		expect([...repeats]).toEqual([
			['a', 2],
			['b', 1],
		]);
	});
});

describe('chunk', () => {
	it('splits into pieces of at most the given size', () => {
		expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
		expect(chunk([], 3)).toEqual([]);
	});
});
