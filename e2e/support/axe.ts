// axe-core in the page: WCAG 2.1 A and AA plus best practices. The page's
// Content-Security-Policy allows no inline script, so the contexts that run axe are made with
// `bypassCSP: true` (for this check only; the journeys keep the real policy).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const source = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

export interface Violation {
	id: string;
	impact: string | null;
	help: string;
	nodes: { target: string; summary: string }[];
}

interface AxeResult {
	violations: {
		id: string;
		impact?: string | null;
		help: string;
		nodes: { target: unknown[]; failureSummary?: string }[];
	}[];
}

/** Runs axe on the page as it is now; returns the violations found. */
export async function axeViolations(page: Page): Promise<Violation[]> {
	const loaded = await page.evaluate(() => 'axe' in window);
	if (!loaded) await page.addScriptTag({ content: source });
	const result = (await page.evaluate(
		(tags) =>
			(
				window as unknown as {
					axe: { run(context: Document, options: object): Promise<unknown> };
				}
			).axe.run(document, { runOnly: tags, resultTypes: ['violations'] }),
		axeTags
	)) as AxeResult;
	return result.violations.map((v) => ({
		id: v.id,
		impact: v.impact ?? null,
		help: v.help,
		nodes: v.nodes.map((n) => ({
			target: n.target.map(String).join(' '),
			summary: (n.failureSummary ?? '').replace(/\s+/g, ' ').trim()
		}))
	}));
}

/** Violations as a readable list for an assertion message. */
export function formatViolations(violations: Violation[]): string {
	return violations
		.map(
			(v) =>
				`${v.id} (${v.impact}): ${v.help}\n` +
				v.nodes.map((n) => `    ${n.target}\n      ${n.summary}`).join('\n')
		)
		.join('\n');
}

/** Whether the page scrolls sideways (content wider than the window). */
export async function horizontalOverflow(
	page: Page
): Promise<{ scrollWidth: number; width: number; widest: string[] }> {
	return page.evaluate(() => {
		const width = window.innerWidth;
		const root = document.documentElement;
		const widest = Array.from(document.querySelectorAll('body *'))
			.filter((el) => {
				if (el.closest('.skip-link, .visually-hidden')) return false;
				const r = el.getBoundingClientRect();
				return r.right > width + 1 || r.left < -1;
			})
			.slice(0, 5)
			.map((el) => {
				const r = el.getBoundingClientRect();
				const id = el.id ? `#${el.id}` : '';
				const cls = el.classList.length ? `.${Array.from(el.classList).join('.')}` : '';
				return `${el.tagName.toLowerCase()}${id}${cls} [${Math.round(r.left)}…${Math.round(r.right)}]`;
			});
		return { scrollWidth: root.scrollWidth, width, widest };
	});
}
