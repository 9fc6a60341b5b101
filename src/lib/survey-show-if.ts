// Show-if as the person answers (JavaScript only): a question whose condition is met appears
// at once, one whose condition no longer is disappears. The server decides again on every
// save, from what it saved; without JavaScript the page after saving shows the same.
// Questions carry data-question, data-type, and when conditional data-show-if (the question
// it depends on) and data-show-if-values (the answers that show it, separated by spaces).

/** The answers a question on the page has now, as show-if names them. */
function givenOnPage(form: HTMLFormElement, key: string, type: string): string[] {
	const inputs = [
		...form.querySelectorAll<HTMLInputElement>('input[type="radio"], input[type="checkbox"]')
	];
	const prefix = `answer-${key}`;
	return inputs
		.filter(
			(i) =>
				i.checked &&
				(i.name === prefix || (type === 'commitments' && i.name.startsWith(`${prefix}/`)))
		)
		.map((i) => i.value);
}

/**
 * A Svelte action for a section's form. `outside` gives the answers of questions on other
 * pages (saved), as show-if names them.
 */
export function showIf(form: HTMLFormElement, outside: Record<string, string[]>) {
	function update() {
		const questions = [...form.querySelectorAll<HTMLElement>('[data-question]')];
		const shown = new Map<string, boolean>();
		for (const el of questions) {
			const key = el.dataset.question!;
			const on = el.dataset.showIf;
			let visible = true;
			if (on) {
				const wanted = (el.dataset.showIfValues ?? '').split(' ');
				const controller = questions.find((x) => x.dataset.question === on);
				const given = controller
					? shown.get(on)
						? givenOnPage(form, on, controller.dataset.type ?? '')
						: []
					: (outside[on] ?? []);
				visible = given.some((g) => wanted.includes(g));
				el.hidden = !visible;
			}
			shown.set(key, visible && !el.hidden);
		}
	}
	form.addEventListener('change', update);
	update();
	return {
		update(next: Record<string, string[]>) {
			outside = next;
			update();
		},
		destroy() {
			form.removeEventListener('change', update);
		}
	};
}
