import type { ComplaintContact } from '@redress/contracts';

export interface RenderedEmail {
  subject: string;
  text: string;
}

const longDate = new Intl.DateTimeFormat('en-GB', { dateStyle: 'full', timeZone: 'UTC' });

/** Step 2 of the process: a prompt, personal acknowledgement with the reference and an estimated date. */
export function renderAcknowledgement(contact: ComplaintContact, publicUrl: string): RenderedEmail {
  const firstName = contact.customerName.split(/\s+/)[0] || contact.customerName;
  const estimated = longDate.format(new Date(contact.resolutionDueAt));
  return {
    subject: `We have received your complaint (${contact.reference})`,
    text: [
      `Dear ${firstName},`,
      '',
      `Thank you for taking the time to tell us about your experience. We are sorry that something went wrong, and we want to put it right.`,
      '',
      `Your complaint has been logged with the reference ${contact.reference}. Please quote it whenever you contact us about this matter.`,
      '',
      `A member of our team is looking at what happened. We aim to resolve your complaint by ${estimated}, and we will keep you informed along the way.`,
      '',
      `You can check the progress of your complaint at any time at ${publicUrl}/track with your reference and this email address.`,
      '',
      'Kind regards,',
      'Customer Care',
    ].join('\n'),
  };
}
