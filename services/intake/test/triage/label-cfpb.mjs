#!/usr/bin/env node
// Prepares the labelled subset that auto-triage is measured on (docs/intake.md, "Auto-triage"):
// every 6th row of the CFPB sample, labelled with a Redress category by the guide below, which a person
// wrote by reading each CFPB issue (and sub-issue where it changes the matter). Deterministic: run
//   node services/intake/test/triage/label-cfpb.mjs ../shared/data/cfpb-complaints-sample.csv
// and it rewrites cfpb-labelled.csv beside this file.
import { readFileSync, writeFileSync } from 'node:fs';

const EVERY = 6;

/** CFPB issue → category; `issue|sub-issue` where the sub-issue decides. */
const GUIDE = {
  BILLING: [
    'APR or interest rate', 'Billing disputes', 'Billing statement', 'Late fee', "Charged fees or interest I didn't expect", 'Other fee',
    'Balance transfer fee', 'Cash advance fee', 'Overlimit fee', 'Excessive fees', 'Fees', 'Wrong amount charged or received',
    'Payment to acct not credited', 'Problems caused by my funds being low', 'Loan servicing, payments, escrow account',
    'Making/receiving payments, sending money', 'Payoff process', 'Settlement process and costs', "Can't stop charges to bank account",
    'Deposits and withdrawals', 'Balance transfer', 'Cash advance', 'Transaction issue', 'Other transaction issues',
    "Cont'd attempts collect debt not owed", 'False statements or representation|Attempted to collect wrong amount',
    'Credit monitoring or identity protection|Billing dispute', "Dealing with my lender or servicer|Don't agree with fees charged",
    'Dealing with my lender or servicer|Trouble with how payments are handled',
  ],
  PRIVACY: [
    'Incorrect information on credit report', 'Improper use of my credit report', 'Improper contact or sharing of info',
    'Identity theft / Fraud / Embezzlement', 'Unauthorized transactions/trans. issues', 'Privacy', 'Unable to get credit report/credit score',
    'Unsolicited issuance of credit card', "Received a loan I didn't apply for", "Cont'd attempts collect debt not owed|Debt resulted from identity theft",
    'Credit monitoring or identity protection|Problem with fraud alerts',
  ],
  STAFF_CONDUCT: [
    'Communication tactics', 'Taking/threatening an illegal action', 'False statements or representation|Impersonated an attorney or official',
    'False statements or representation|Indicated committed crime not paying', "False statements or representation|Indicated shouldn't respond to lawsuit",
    'Dealing with my lender or servicer|Keep getting calls about my loan',
  ],
  POLICY: [
    'Loan modification,collection,foreclosure', 'Application, originator, mortgage broker', 'Credit decision / Underwriting', 'Credit determination',
    'Credit line increase/decrease', 'Account terms and changes', 'Arbitration', 'Disclosures', 'Incorrect/missing disclosures or info',
    'Advertising and marketing', 'Rewards', 'Overdraft, savings or rewards features', 'Forbearance / Workout plans', "Can't repay my loan",
    'Problems when you are unable to pay', 'Bankruptcy', 'Sale of account', 'Disclosure verification of debt', 'Credit card protection / Debt protection',
    'Delinquent account', 'Credit monitoring or identity protection|Account terms and changes',
  ],
  SERVICE: [
    'Account opening, closing, or management', 'Managing the loan or lease', 'Closing/Cancelling account', 'Customer service / Customer relations',
    'Customer service/Customer relations', "Can't contact lender", 'Application processing delay', 'Managing the line of credit',
    'Managing, opening, or closing account', 'Taking out the loan or lease', 'Shopping for a loan or lease', 'Shopping for a line of credit',
    'Getting a loan', 'Other service issues', 'Using a debit or ATM card', 'Money was not available when promised',
    'Applied for loan/did not receive money', 'Repaying your loan', "Credit reporting company's investigation",
    'Credit monitoring or identity protection|Problem cancelling or closing account', 'Dealing with my lender or servicer|Having problems with customer service',
    'Dealing with my lender or servicer|Need information about my balance/terms', 'Dealing with my lender or servicer|Received bad information about my loan',
  ],
  OTHER: ['Other', 'Fraud or scam'],
};

const labelOf = new Map(Object.entries(GUIDE).flatMap(([category, keys]) => keys.map((key) => [key, category])));

/** RFC 4180 fields: quotes around fields with commas, doubled quotes inside. */
function parseCsv(text) {
  const rows = [];
  let row = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n') { row.push(field.replace(/\r$/, '')); rows.push(row); row = []; field = ''; }
    else field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}

const quote = (value) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

const [header, ...records] = parseCsv(readFileSync(process.argv[2] ?? '../shared/data/cfpb-complaints-sample.csv', 'utf8'));
const column = (name) => header.indexOf(name);
const out = [['row', 'product', 'sub_product', 'issue', 'sub_issue', 'category']];
records.forEach((record, index) => {
  if (index % EVERY !== 0 || record.length < header.length) return;
  const [issue, subIssue] = [record[column('Issue')], record[column('Sub-issue')]];
  const category = labelOf.get(`${issue}|${subIssue}`) ?? labelOf.get(issue);
  if (!category) throw new Error(`row ${index + 2}: no label for "${issue}" / "${subIssue}" — extend the guide`);
  out.push([String(index + 2), record[column('Product')], record[column('Sub-product')], issue, subIssue, category]);
});
writeFileSync(new URL('./cfpb-labelled.csv', import.meta.url), `${out.map((row) => row.map(quote).join(',')).join('\n')}\n`);
console.log(`labelled ${out.length - 1} rows`);
