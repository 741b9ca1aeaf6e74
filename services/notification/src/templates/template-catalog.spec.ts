import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NotificationKind } from '@redress/contracts';
import { KIND_TEMPLATES } from '../domain/notification-plan.js';
import type { MessageModel } from './message-model.js';
import { TemplateCatalog } from './template-catalog.js';

const TEMPLATES = new URL('../../templates', import.meta.url).pathname;

const complaint = {
  id: '6d5c1c3e-2f6b-4d1e-9c59-7f6b1f0c2a11', reference: 'CMP-2026-000042', status: 'ASSESSED',
  receivedAt: '2026-03-01T10:00:00.000Z', resolutionDueAt: '2026-03-11T10:00:00.000Z', acknowledgementDueAt: '2026-03-02T10:00:00.000Z',
  category: 'BILLING', severity: 'HIGH', priority: 'P2', escalated: false,
};
const customer = (event: Record<string, unknown>, links: Partial<MessageModel['links']> = {}): MessageModel => ({
  recipient: { email: 'ada@example.com', name: 'Ada Lovelace', firstName: 'Ada' },
  complaint,
  links: { track: 'https://complaints.example.com/track', preferences: 'https://complaints.example.com/preferences?token=p1.abc', ...links },
  event,
});
const staff = (event: Record<string, unknown>, name: string | null = null): MessageModel => ({
  recipient: { email: 'managers@example.com', name, firstName: name?.split(' ')[0] ?? null }, complaint, links: { track: 'https://complaints.example.com/track' }, event,
});

// One realistic model per template, and what its reader must find in it.
const CASES: Record<string, { model: MessageModel; subject: RegExp; mustSay: string[] }> = {
  acknowledgement: { model: customer({ cycle: 0 }), subject: /CMP-2026-000042/, mustSay: ['Dear Ada,', 'reference CMP-2026-000042', 'by Wednesday, 11 March 2026', 'https://complaints.example.com/track'] },
  assessment: {
    model: customer({ category: 'BILLING', severity: 'HIGH', priority: 'P2', resolutionDueAt: '2026-03-09T10:00:00.000Z' }),
    subject: /CMP-2026-000042/, mustSay: ['Dear Ada,', 'billing matters', 'by Monday, 9 March 2026'],
  },
  'resolution-proposed': {
    model: customer(
      { options: [{ id: 'o1', type: 'REFUND', amount: 25, currency: 'EUR' }, { id: 'o2', type: 'APOLOGY' }] },
      { respond: 'https://complaints.example.com/respond?token=t.1', linkExpiresAt: '2026-03-25T10:00:00.000Z' },
    ),
    subject: /put things right/, mustSay: ['Dear Ada,', '  - A refund of €25.00\n  - A formal apology', 'choose the option', 'https://complaints.example.com/respond?token=t.1', 'until Wednesday, 25 March 2026'],
  },
  'resolution-implemented': {
    model: customer({ type: 'CREDIT', amount: 20.5, currency: 'GBP' }), subject: /done what we agreed/,
    mustSay: ['Dear Ada,', '  - An account credit of £20.50\n', 'short survey'],
  },
  'follow-up-survey': {
    model: customer({ cycle: 0 }, { feedback: 'https://complaints.example.com/feedback?token=f.2', linkExpiresAt: '2026-04-10T10:00:00.000Z' }),
    subject: /How did we do/, mustSay: ['Dear Ada,', 'https://complaints.example.com/feedback?token=f.2', 'until Friday, 10 April 2026'],
  },
  closure: { model: customer({ closedAt: '2026-03-10T10:00:00.000Z' }), subject: /closed/, mustSay: ['Dear Ada,', 'CMP-2026-000042 is now closed', 'reopen'] },
  escalation: { model: staff({ cause: 'SAFETY' }), subject: /Escalated: complaint CMP-2026-000042/, mustSay: ['safety concern', 'Category:        billing', 'act on it today'] },
  assignment: { model: staff({ investigationId: 'i1' }, 'Alan Turing'), subject: /Assigned to you/, mustSay: ['Hello Alan,', 'assigned to you', 'Wednesday, 11 March 2026 at 10:00 UTC'] },
  'assignment-needed': { model: staff({ investigationId: 'i1' }), subject: /Needs an investigator/, mustSay: ['not assigned to anyone'] },
  'sla-at-risk': { model: staff({ clock: 'ACKNOWLEDGEMENT', dueAt: '2026-03-02T10:00:00.000Z', cycle: 0 }), subject: /At risk: acknowledgement deadline/, mustSay: ['Monday, 2 March 2026 at 10:00 UTC', 'customer has been acknowledged'] },
  'sla-breach': { model: staff({ clock: 'RESOLUTION', dueAt: '2026-03-11T10:00:00.000Z', cycle: 0 }), subject: /Missed: resolution deadline/, mustSay: ['escalated to managers automatically'] },
  'trend-alert': {
    model: { ...staff({ category: 'DELIVERY', periodStart: '2026-03-02T00:00:00.000Z', count: 12, baseline: 4.5 }), complaint: null },
    subject: /Trend alert: 12 delivery complaints/, mustSay: ['above the usual 4.5'],
  },
};

describe('TemplateCatalog (the shipped templates)', () => {
  const catalog = new TemplateCatalog(TEMPLATES, 'en');

  it('has a template for every notification kind', () => {
    for (const kind of NotificationKind) expect(catalog.names()).toContain(KIND_TEMPLATES[kind].template);
    expect(Object.keys(CASES).sort()).toEqual(catalog.names());
    for (const name of catalog.names('fr')) expect(catalog.names()).toContain(name);
  });

  it.each(Object.entries(CASES))('%s: subject, plain text and HTML say what the reader needs', (name, { model, subject, mustSay }) => {
    const message = catalog.render(name, 'en', model);
    expect(message.subject).toMatch(subject);
    expect(message.subject).not.toContain('\n');
    for (const phrase of mustSay) expect(message.text).toContain(phrase);
    expect(message.html).toMatch(/^<!DOCTYPE html>/);
    expect(message.html).toContain('CMP-2026-000042'.repeat(model.complaint ? 1 : 0));
    for (const body of [message.text, message.html]) expect(body).not.toMatch(/undefined|\[object |NaN|\{\{/);
  });

  it('speaks to the customer personally and offers the opt-out in customer messages only', () => {
    const acknowledgement = catalog.render('acknowledgement', 'en', CASES.acknowledgement.model);
    expect(acknowledgement.text).toMatch(/^Dear Ada,/);
    expect(acknowledgement.text).toContain('https://complaints.example.com/preferences?token=p1.abc');
    expect(catalog.render('escalation', 'en', CASES.escalation.model).text).not.toContain('preferences');
  });

  it('writes to French customers in French (dates, amounts, words), and staff messages fall back to English', () => {
    expect(catalog.locales()).toEqual(['en', 'fr']);
    const acknowledgement = catalog.render('acknowledgement', 'fr', CASES.acknowledgement.model);
    expect(acknowledgement).toMatchObject({ locale: 'fr', subject: 'Nous avons bien reçu votre réclamation (CMP-2026-000042)' });
    expect(acknowledgement.text).toMatch(/^Bonjour Ada,/);
    expect(acknowledgement.text).toContain("d'ici le mercredi 11 mars 2026");
    expect(acknowledgement.text).toContain('Bien cordialement,\nLe service clients');
    expect(acknowledgement.html).toContain('<html lang="fr">');
    const proposal = catalog.render('resolution-proposed', 'fr', CASES['resolution-proposed'].model);
    expect(proposal.text.replace(/\u202f|\u00a0/g, ' ')).toContain('  - Un remboursement de 25,00 €\n  - Des excuses écrites');
    for (const name of ['assessment', 'resolution-implemented', 'follow-up-survey', 'closure']) {
      const message = catalog.render(name, 'fr', CASES[name].model);
      expect(message.locale).toBe('fr');
      for (const body of [message.text, message.html]) expect(body).not.toMatch(/undefined|\[object |NaN|\{\{|Dear /);
    }
    expect(catalog.render('escalation', 'fr', CASES.escalation.model)).toMatchObject({ locale: 'en', subject: 'Escalated: complaint CMP-2026-000042' });
  });

  it('escapes what customers typed in HTML, and leaves plain text as written', () => {
    const model = customer({});
    model.recipient = { ...model.recipient, firstName: '<b>Ada</b> & Co' };
    const message = catalog.render('closure', 'en', model);
    expect(message.html).toContain('Dear &lt;b&gt;Ada&lt;/b&gt; &amp; Co,');
    expect(message.text).toContain('Dear <b>Ada</b> & Co,');
  });
});

describe('TemplateCatalog (languages)', () => {
  let directory: string;

  beforeAll(() => {
    directory = mkdtempSync(join(tmpdir(), 'redress-templates-'));
    const write = (path: string, text: string) => {
      mkdirSync(join(directory, path, '..'), { recursive: true });
      writeFileSync(join(directory, path), text);
    };
    write('en/labels.json', JSON.stringify({ dateLocale: 'en-GB', remedy: { REFUND: 'A refund' } }));
    write('en/partials/sign.text.hbs', 'Regards');
    write('en/partials/sign.html.hbs', '<p>Regards</p>');
    for (const name of ['hello', 'bye']) {
      write(`en/${name}.subject.hbs`, `${name} {{complaint.reference}}`);
      write(`en/${name}.text.hbs`, `${name} {{recipient.firstName}}, {{date event.at}} {{label "remedy" "REFUND"}}\n{{> sign}}`);
      write(`en/${name}.html.hbs`, `<p>${name}</p>{{> sign}}`);
    }
    write('fr/labels.json', JSON.stringify({ dateLocale: 'fr-FR', remedy: { REFUND: 'Un remboursement' } }));
    write('fr/hello.subject.hbs', 'Bonjour {{complaint.reference}}');
    write('fr/hello.text.hbs', 'Bonjour {{recipient.firstName}}, {{date event.at}} {{label "remedy" "REFUND"}}\n{{> sign}}');
    write('fr/hello.html.hbs', '<p>Bonjour</p>');
  });

  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  const model = { ...customer({ at: '2026-03-11T10:00:00.000Z' }) };

  it('writes in the asked language, with its dates and words, and falls back to the default for what is not translated', () => {
    const catalog = new TemplateCatalog(directory, 'en');
    expect(catalog.locales()).toEqual(['en', 'fr']);
    const french = catalog.render('hello', 'fr-CA', model);
    expect(french).toMatchObject({ locale: 'fr', subject: 'Bonjour CMP-2026-000042' });
    expect(french.text).toBe('Bonjour Ada, mercredi 11 mars 2026 Un remboursement\nRegards\n');
    expect(catalog.render('bye', 'fr', model)).toMatchObject({ locale: 'en', subject: 'bye CMP-2026-000042' });
    expect(catalog.render('hello', null, model).locale).toBe('en');
  });

  it('refuses to start with a broken template, naming nothing vaguely', () => {
    writeFileSync(join(directory, 'fr', 'bye.subject.hbs'), 'Au revoir {{#if}}');
    writeFileSync(join(directory, 'fr', 'bye.text.hbs'), 'x');
    writeFileSync(join(directory, 'fr', 'bye.html.hbs'), 'x');
    expect(() => new TemplateCatalog(directory, 'en')).toThrow();
    expect(() => new TemplateCatalog(directory, 'de')).toThrow(/default locale/);
  });
});
