// Markdown as a small tree of safe nodes: marked's lexer reads the text, and only paragraphs,
// emphasis, strong, lists, links (http, https, mailto), headings and code become elements.
// Everything else (HTML, images, tables…) comes out as its text, so nothing typed can run.
import { Lexer, type Token, type Tokens } from 'marked';

export type MdNode =
	| { type: 'text'; text: string }
	| { type: 'p' | 'em' | 'strong' | 'li'; children: MdNode[] }
	| { type: 'list'; ordered: boolean; children: MdNode[] }
	| { type: 'heading'; level: 2 | 3 | 4 | 5 | 6; children: MdNode[] }
	| { type: 'link'; href: string; children: MdNode[] }
	| { type: 'code'; text: string }
	| { type: 'codeblock'; text: string }
	| { type: 'br' };

/** Only web and mail links; anything else (javascript:, data:…) is shown as text. */
export function safeHref(href: string): string | null {
	try {
		const url = new URL(href);
		return ['http:', 'https:', 'mailto:'].includes(url.protocol) ? url.href : null;
	} catch {
		return null;
	}
}

function children(tokens: Token[] | undefined): MdNode[] {
	return (tokens ?? []).flatMap((t) => node(t));
}

function node(t: Token): MdNode[] {
	switch (t.type) {
		case 'paragraph':
			return [{ type: 'p', children: children(t.tokens) }];
		case 'heading': {
			// The depth as written; markdownNodes sets the level the page shows.
			const level = (t as Tokens.Heading).depth as 2 | 3 | 4 | 5 | 6;
			return [{ type: 'heading', level, children: children(t.tokens) }];
		}
		case 'em':
			return [{ type: 'em', children: children(t.tokens) }];
		case 'strong':
			return [{ type: 'strong', children: children(t.tokens) }];
		case 'list':
			return [
				{
					type: 'list',
					ordered: (t as Tokens.List).ordered,
					children: (t as Tokens.List).items.map((item) => ({
						type: 'li' as const,
						children: children(item.tokens)
					}))
				}
			];
		case 'link': {
			const href = safeHref((t as Tokens.Link).href);
			const inner = children(t.tokens);
			if (!href) return [{ type: 'text', text: (t as Tokens.Link).raw }];
			return [{ type: 'link', href, children: inner }];
		}
		case 'codespan':
			return [{ type: 'code', text: (t as Tokens.Codespan).text }];
		case 'code':
			return [{ type: 'codeblock', text: (t as Tokens.Code).text }];
		case 'br':
			return [{ type: 'br' }];
		case 'space':
		case 'hr':
			return [];
		case 'text':
			// A list item's text holds inline tokens of its own.
			if ('tokens' in t && t.tokens?.length) return children(t.tokens);
			return [{ type: 'text', text: (t as Tokens.Text).text }];
		case 'escape':
			return [{ type: 'text', text: (t as Tokens.Escape).text }];
		case 'blockquote':
		case 'del':
			return children(t.tokens);
		default:
			// HTML, images, tables and anything new: what was typed, as text.
			return t.raw.trim() ? [{ type: 'text', text: t.raw }] : [];
	}
}

/**
 * The nodes of a Markdown text. Its headings sit under the page's own: the highest level used
 * becomes `top` (h2 by default), and no heading skips a level after the one before it.
 */
export function markdownNodes(text: string, top = 2): MdNode[] {
	const blocks = children(new Lexer({ gfm: true }).lex(text ?? ''));
	const headings: Extract<MdNode, { type: 'heading' }>[] = [];
	const collect = (nodes: MdNode[]) => {
		for (const n of nodes) {
			if (n.type === 'heading') headings.push(n);
			if ('children' in n) collect(n.children);
		}
	};
	collect(blocks);
	const highest = Math.min(...headings.map((h) => h.level));
	let previous = top - 1;
	for (const h of headings) {
		const wanted = h.level - highest + top;
		h.level = Math.min(6, wanted, previous + 1) as 2 | 3 | 4 | 5 | 6;
		previous = h.level;
	}
	// Stray text at the top level (raw HTML blocks…) goes into a paragraph of its own.
	return blocks.map((n) => (n.type === 'text' ? { type: 'p', children: [n] } : n));
}
