import { NestFactory } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import { JobQueues } from '@redress/jobs';
import { staff, waitFor } from '@redress/testing';
import { RequestFollowUpHandler } from '../src/follow-up-survey/request-follow-up.handler.js';
import { SURVEY_QUEUE, SurveyTimer, surveyJobId } from '../src/follow-up-survey/survey-timer.js';
import { ResolutionModule } from '../src/resolution.module.js';
import { DECIDE, FOLLOW_UP, IMPLEMENT, PROPOSE, ResolutionTestKit } from './support/resolution-test-kit.js';

// The follow-up survey timer on the real PostgreSQL, RabbitMQ and Redis (BullMQ), with a 1.8 s delay.
const DELAY_HOURS = 0.0005;
const agent = staff('AGENT', 'agent-al');

describe('resolution: the follow-up survey timer (followup.requested)', () => {
  let kit: ResolutionTestKit;

  beforeAll(async () => {
    kit = await ResolutionTestKit.start((config) => ({ ...config, followUpDelayHours: DELAY_HOURS }));
  });
  afterAll(() => kit?.stop());

  const surveyQueue = () => kit.harness.app.get(JobQueues).queue(SURVEY_QUEUE);
  const surveyOf = async (complaintId: string) => (await kit.db.query(`SELECT status, due_at FROM follow_up_surveys WHERE complaint_id = $1`, [complaintId]))[0];

  async function implemented() {
    const state = kit.complaint('INVESTIGATING');
    const { data } = await kit.harness.query<{ proposeResolution: { id: string } }>(PROPOSE, { complaintId: state.complaintId, options: [{ type: 'APOLOGY', description: 'Sorry' }] }, agent);
    const proposalId = data!.proposeResolution.id;
    await kit.harness.query(DECIDE, { id: proposalId, accept: true }, agent);
    const before = Date.now();
    await kit.harness.query(IMPLEMENT, { id: proposalId }, agent);
    return { state, before };
  }

  it('publishes followup.requested once, FOLLOW_UP_DELAY_HOURS after implementation', async () => {
    const { state, before } = await implemented();
    const survey = await surveyOf(state.complaintId);
    expect(survey.status).toBe('PENDING');
    expect(new Date(survey.due_at).getTime() - before).toBeGreaterThanOrEqual(DELAY_HOURS * 3_600_000 - 50);
    const job = await waitFor(() => surveyQueue().getJob(surveyJobId(state.complaintId, 0)), { description: 'the armed job' });
    expect(await job.isDelayed()).toBe(true);
    expect(await kit.outbox('followup.requested', state.complaintId)).toEqual([]);
    const [requested] = await waitFor(async () => {
      const events = await kit.outbox('followup.requested', state.complaintId);
      return events.length ? events : undefined;
    }, { timeoutMs: 10_000, description: 'followup.requested' });
    expect(Date.parse(requested.occurredAt)).toBeGreaterThanOrEqual(new Date(survey.due_at).getTime());
    expect(requested).toMatchObject({ reference: state.reference, actor: null, data: { cycle: 0 } });
    expect((await surveyOf(state.complaintId)).status).toBe('REQUESTED');
    const handler = kit.harness.app.get(RequestFollowUpHandler);
    expect(await Promise.all([handler.execute(state.complaintId, 0), handler.execute(state.complaintId, 0)])).toEqual(['SETTLED', 'SETTLED']);
    expect(await kit.outbox('followup.requested', state.complaintId)).toHaveLength(1);
  });

  it('stays silent when staff followed up before the survey was due', async () => {
    const { state } = await implemented();
    await kit.harness.query(FOLLOW_UP, { id: state.complaintId, satisfied: true, rating: 5 }, agent);
    await waitFor(async () => (await surveyOf(state.complaintId)).status !== 'PENDING', { timeoutMs: 10_000, description: 'the survey settled' });
    expect((await surveyOf(state.complaintId)).status).toBe('SKIPPED');
    expect(await kit.outbox('followup.requested', state.complaintId)).toEqual([]);
  });

  it('is re-armed from PostgreSQL when a replica starts after Redis lost the job, and still fires once', async () => {
    const { state } = await implemented();
    const jobId = surveyJobId(state.complaintId, 0);
    await waitFor(() => surveyQueue().getJob(jobId), { description: 'the armed job' });
    await surveyQueue().remove(jobId);
    expect(await surveyQueue().getJob(jobId)).toBeUndefined();

    let replica: INestApplication | undefined;
    try {
      replica = await NestFactory.create(ResolutionModule.forRoot({ ...kit.harness.env.config, followUpDelayHours: DELAY_HOURS }), { logger: ['error'] });
      await replica.init();
      await waitFor(async () => (await kit.outbox('followup.requested', state.complaintId)).length === 1, { timeoutMs: 10_000, description: 'followup.requested after the restart' });
    } finally {
      await replica?.close();
    }
    await new Promise((r) => setTimeout(r, 500));
    expect(await kit.outbox('followup.requested', state.complaintId)).toHaveLength(1);
  });

  it('re-arms an overdue survey whose job was lost while running (the sweeper)', async () => {
    const { state } = await implemented();
    const jobId = surveyJobId(state.complaintId, 0);
    await waitFor(() => surveyQueue().getJob(jobId), { description: 'the armed job' });
    await surveyQueue().remove(jobId);
    await kit.db.query(`UPDATE follow_up_surveys SET due_at = now() - interval '5 minutes' WHERE complaint_id = $1`, [state.complaintId]);
    await kit.harness.app.get(SurveyTimer).sweep();
    await waitFor(async () => (await kit.outbox('followup.requested', state.complaintId)).length === 1, { timeoutMs: 10_000, description: 'followup.requested after the sweep' });
  });
});
