import { BadUserInput, input } from '@redress/errors';
import type { QualityCheck } from '../persistence/quality-review.entity.js';

export interface QualityReviewInput {
  complaintId: string;
  score: number;
  checklist: QualityCheck[];
  feedback: string | null;
}

const MAX_CHECKS = 50;

/** SPEC §8 input rules for a review: a score 0–100, named checks (each once), feedback ≤ 5,000 characters. */
export function validateQualityReview(raw: { complaintId: string; score: number; checklist: { item: string; passed: boolean }[]; feedback?: string | null }): QualityReviewInput {
  const complaintId = input.uuid('complaintId', raw.complaintId);
  if (!Number.isInteger(raw.score) || raw.score < 0 || raw.score > 100) throw new BadUserInput('score', 'must be a whole number from 0 to 100');
  if (raw.checklist.length > MAX_CHECKS) throw new BadUserInput('checklist', `must have at most ${MAX_CHECKS} items`);
  const checklist = raw.checklist.map((check, i) => ({ item: input.required(`checklist[${i}].item`, check.item, 200), passed: check.passed }));
  const seen = new Set<string>();
  checklist.forEach((check, i) => {
    if (seen.has(check.item.toLowerCase())) throw new BadUserInput(`checklist[${i}].item`, 'appears twice');
    seen.add(check.item.toLowerCase());
  });
  return { complaintId, score: raw.score, checklist, feedback: input.optional('feedback', raw.feedback, 5000) };
}
