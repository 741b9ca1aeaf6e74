import { RootCauseCategory } from '@redress/contracts';
import { input } from '@redress/errors';

export interface CompleteInvestigation {
  investigationId: string;
  findings: string;
  rootCause: { category: RootCauseCategory; summary: string };
}

export function validateCompletion(raw: { investigationId: string; findings: string; rootCause: { category: string; summary: string } }): CompleteInvestigation {
  return {
    investigationId: input.uuid('investigationId', raw.investigationId),
    findings: input.required('findings', raw.findings, 10_000),
    rootCause: {
      category: input.oneOf('rootCause.category', raw.rootCause?.category, RootCauseCategory),
      summary: input.required('rootCause.summary', raw.rootCause?.summary, 5000),
    },
  };
}
