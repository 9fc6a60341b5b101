import { describe, expect, it } from 'vitest';
import { markdownNodes, safeHref, type MdNode } from './markdown.ts';

/** Every element type the tree holds, anywhere in it. */
function types(nodes: MdNode[]): string[] {
	return nodes.flatMap((n) => [n.type, ...('children' in n ? types(n.children) : [])]);
}
function texts(nodes: MdNode[]): string {
	return nodes
		.map((n) => ('text' in n ? n.text : 'children' in n ? texts(n.children) : ''))
		.join('');
}

describe('Markdown as safe nodes', () => {
	it('keeps paragraphs, emphasis, strong, lists, links, headings and code', () => {
		const nodes = markdownNodes(
			'# Title\n\nSome *em* and **strong** `code` [site](https://example.org).\n\n1. one\n2. two'
		);
		expect(nodes[0]).toEqual({
			type: 'heading',
			level: 2,
			children: [{ type: 'text', text: 'Title' }]
		});
		expect(types(nodes)).toEqual(
			expect.arrayContaining(['p', 'em', 'strong', 'code', 'link', 'list', 'li'])
		);
		const list = nodes.find((n) => n.type === 'list');
		expect(list).toMatchObject({ ordered: true });
	});

	it('turns HTML and scripts into text, never elements', () => {
		const nodes = markdownNodes(
			'<script>alert(1)</script>\n\nHi <img src=x onerror=alert(1)> there'
		);
		expect(types(nodes).every((t) => ['p', 'text'].includes(t))).toBe(true);
		expect(texts(nodes)).toContain('<script>');
		expect(texts(nodes)).toContain('<img src=x onerror=alert(1)>');
	});

	it('keeps only http, https and mailto links', () => {
		const nodes = markdownNodes(
			'[a](javascript:alert(1)) [b](data:text/html,x) [c](mailto:a@b.org)'
		);
		const links = JSON.stringify(nodes);
		expect(links).not.toContain('"href":"javascript');
		expect(links).not.toContain('"href":"data');
		expect(links).toContain('"href":"mailto:a@b.org"');
		expect(texts(nodes)).toContain('[a](javascript:alert(1))');
		expect(safeHref('https://example.org/x')).toBe('https://example.org/x');
		expect(safeHref('/relative')).toBeNull();
	});

	it('puts headings under the page heading, never skipping a level', () => {
		const all = (nodes: MdNode[]): number[] =>
			nodes.flatMap((n) => [
				...(n.type === 'heading' ? [n.level] : []),
				...('children' in n ? all(n.children) : [])
			]);
		const levels = (text: string, top?: number) => all(markdownNodes(text, top));
		expect(levels('###### deep')).toEqual([2]);
		expect(levels('## two\n\n### three\n\n## two', 3)).toEqual([3, 4, 3]);
		expect(levels('# one\n\n#### four\n\n##### five')).toEqual([2, 3, 4]);
		expect(levels('- # in a list', 3)).toEqual([3]);
		expect(levels('# a\n\n## b\n\n### c\n\n#### d\n\n##### e\n\n###### f', 3)).toEqual([
			3, 4, 5, 6, 6, 6
		]);
	});
});
