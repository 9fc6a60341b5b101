// The campaign forms' own checks: impossible dates, dates in the wrong order, reminder days out
// of range, a translation without the English message.
import { describe, expect, it } from 'vitest';
import { validate } from '../validation.ts';
import { datesForm, messageForm, remindersForm, surveyForm, targetForm } from './campaign-forms.ts';

describe('campaign forms', () => {
	it('takes real dates in order only', () => {
		expect(validate(datesForm, { opensOn: '2027-02-01', closesOn: '2027-02-28' })).toEqual({
			ok: true,
			data: { opensOn: '2027-02-01', closesOn: '2027-02-28' }
		});
		const impossible = validate(datesForm, { opensOn: '2027-02-01', closesOn: '2027-02-30' });
		expect(impossible).toMatchObject({
			ok: false,
			errors: { closesOn: 'campaign_error_date_invalid' },
			values: { closesOn: '2027-02-30' }
		});
		expect(validate(datesForm, { opensOn: '', closesOn: 'soon' })).toMatchObject({
			ok: false,
			errors: {
				opensOn: 'campaign_error_opens_required',
				closesOn: 'campaign_error_date_invalid'
			}
		});
		expect(validate(datesForm, { opensOn: '2027-03-01', closesOn: '2027-03-01' })).toMatchObject({
			ok: false,
			errors: { closesOn: 'campaign_error_dates_order' }
		});
	});

	it('takes 0 to 60 reminder days', () => {
		expect(validate(remindersForm, { reminderDays: '0' })).toEqual({
			ok: true,
			data: { reminderDays: 0 }
		});
		expect(validate(remindersForm, { reminderDays: ' 60 ' })).toMatchObject({ ok: true });
		for (const bad of ['61', '-1', '7.5', 'seven', '']) {
			expect(validate(remindersForm, { reminderDays: bad })).toMatchObject({
				ok: false,
				errors: { reminderDays: 'campaign_error_reminder_days' }
			});
		}
	});

	it('wants a survey, an edition and a target group', () => {
		expect(validate(surveyForm, { surveyId: 'x', edition: ' ' })).toMatchObject({
			ok: false,
			errors: {
				surveyId: 'campaign_error_survey_required',
				edition: 'campaign_error_edition_required'
			}
		});
		expect(validate(targetForm, { target: 'everyone' })).toMatchObject({
			ok: false,
			errors: { target: 'campaign_error_target_required' }
		});
	});

	it('wants the message in English when another language has one', () => {
		expect(validate(messageForm, { message_fr: 'Merci' })).toMatchObject({
			ok: false,
			errors: { message_en: 'campaign_error_message_english' }
		});
		expect(validate(messageForm, {})).toMatchObject({ ok: true });
		expect(validate(messageForm, { message_en: 'x'.repeat(4001) })).toMatchObject({
			ok: false,
			errors: { message_en: 'campaign_error_message_too_long' }
		});
	});
});
