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

	it('shifts headings under the page heading and caps them at h6', () => {
		expect(markdownNodes('###### deep')[0]).toMatchObject({ type: 'heading', level: 6 });
		expect(markdownNodes('## two', 2)[0]).toMatchObject({ type: 'heading', level: 4 });
	});
});
