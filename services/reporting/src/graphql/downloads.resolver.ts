import { Args, Query, Resolver } from '@nestjs/graphql';
import { Allowed, CurrentIdentity, type Identity } from '@redress/auth';
import { input } from '@redress/errors';
import { TransactionRunner } from '@redress/persistence';
import { parseQuarter } from '../domain/quarter.js';
import { DownloadLinks, type Download } from '../downloads/download-links.js';
import type { ReportFormat } from '../downloads/download-token.js';
import { validRange } from './metrics.resolver.js';

const FORMATS = ['HTML', 'PDF'] as const;

/** Validates and authorises a download, then hands out a short-lived signed link to it. */
@Resolver()
export class DownloadsResolver {
  constructor(private readonly links: DownloadLinks, private readonly transactions: TransactionRunner) {}

  @Query('complaintLogExport')
  @Allowed('complaintLogExport')
  complaintLogExport(@Args('from') from: Date, @Args('to') to: Date, @CurrentIdentity() identity: Identity): Promise<Download> {
    const range = validRange(from, to);
    return this.links.link({ kind: 'complaint-log', from: range.from.toISOString(), to: range.to.toISOString() }, identity.sub!);
  }

  @Query('resolutionReport')
  @Allowed('resolutionReport')
  async resolutionReport(@Args('complaintId') complaintId: string, @Args('format') format: string, @CurrentIdentity() identity: Identity): Promise<Download | null> {
    const reportFormat = input.oneOf<ReportFormat>('format', format ?? 'HTML', FORMATS);
    if (!input.isUuid(complaintId)) return null;
    const id = complaintId.toLowerCase();
    const [known] = await this.transactions.manager.query('SELECT reference FROM complaint_facts WHERE complaint_id = $1 AND received_at IS NOT NULL', [id]);
    if (!known) return null;
    return this.links.link({ kind: 'resolution-report', complaintId: id, format: reportFormat }, identity.sub!, known.reference);
  }

  @Query('qualityReviewReport')
  @Allowed('qualityReviewReport')
  qualityReviewReport(@Args('quarter') quarter: string, @Args('format') format: string, @CurrentIdentity() identity: Identity): Promise<Download> {
    const { label } = parseQuarter(quarter);
    return this.links.link({ kind: 'quality-review', quarter: label, format: input.oneOf<ReportFormat>('format', format ?? 'HTML', FORMATS) }, identity.sub!);
  }
}
