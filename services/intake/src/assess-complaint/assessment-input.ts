import { Category, Severity } from '@redress/contracts';
import { input } from '@redress/errors';
import type { Assessment } from '../domain/assessment.js';

export interface AssessComplaintInput {
  category: string;
  severity: string;
  impact: string;
  urgency: string;
}

export function validateAssessment(raw: AssessComplaintInput): Assessment {
  return {
    category: input.oneOf('input.category', raw?.category, Category),
    severity: input.oneOf('input.severity', raw?.severity, Severity),
    impact: input.oneOf('input.impact', raw?.impact, Severity),
    urgency: input.oneOf('input.urgency', raw?.urgency, Severity),
  };
}
