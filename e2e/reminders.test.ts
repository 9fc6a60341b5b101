// A person turns the daily reminder emails about their actions off on their account page, and
// on again; the page confirms and shows the saved choice, with JavaScript off and on.
import { describe, expect, test } from 'vitest';
import { en } from './support/messages.ts';
import { useBrowser } from './support/fixtures.ts';
import { demo, demoPassword } from './support/browser.ts';
import { AccountPage } from './pages/AccountPage.ts';

const { signedIn } = useBrowser();

describe('reminder emails setting', () => {
	test.each([{ js: false }, { js: true }])(
		'turned off and on again (JavaScript $js)',
		async ({ js }) => {
			const { page } = await signedIn(demo.ngoLublin, demoPassword, { js });
			const account = new AccountPage(page);
			expect(await account.goto()).toBe(200);
			expect(await account.reminderSetting()).toBe('on');
			expect(await account.mainText()).toContain(en('reminder_settings_legend'));

			await account.saveReminderSetting('off');
			expect(await account.notice()).toBe(en('reminder_settings_saved_off'));
			expect(await account.goto()).toBe(200);
			expect(await account.reminderSetting()).toBe('off');

			await account.saveReminderSetting('on');
			expect(await account.notice()).toBe(en('reminder_settings_saved_on'));
			expect(await account.goto()).toBe(200);
			expect(await account.reminderSetting()).toBe('on');
		}
	);
});
