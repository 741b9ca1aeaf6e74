import { Controller, Get, Inject, Logger, Param, Query, Res } from '@nestjs/common';
import { REDRESS_CONFIG, type RedressConfig } from '@redress/config';
import { DomainError, NotFound } from '@redress/errors';
import type { Response } from 'express';
import { once } from 'node:events';
import { TransactionRunner } from '@redress/persistence';
import { streamComplaintLog } from '../complaint-log/stream-complaint-log.js';
import { qualityReviewHtml } from '../documents/quality-review.html.js';
import { qualityReviewPdf } from '../documents/quality-review.pdf.js';
import { resolutionReportHtml } from '../documents/resolution-report.html.js';
import { resolutionReportPdf } from '../documents/resolution-report.pdf.js';
import { ResolutionReportQuery } from '../documents/resolution-report.query.js';
import { parseQuarter } from '../domain/quarter.js';
import { QuarterlyReviewQuery } from '../quality-review/quarterly-review.query.js';
import { fileOf } from './download-links.js';
import { verifyDownload, type DownloadRequest } from './download-token.js';

const STATUS: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, BAD_USER_INPUT: 400, NOT_FOUND: 404 };

/** `GET /downloads/<kind>?token=…`: the file a signed link names (the complaint log streamed, reports rendered). */
@Controller('downloads')
export class DownloadsController {
  private readonly logger = new Logger(DownloadsController.name);

  constructor(
    @Inject(REDRESS_CONFIG) private readonly config: RedressConfig,
    private readonly transactions: TransactionRunner,
    private readonly resolutionReports: ResolutionReportQuery,
    private readonly quarterly: QuarterlyReviewQuery,
  ) {}

  @Get(':kind')
  async download(@Param('kind') kind: string, @Query('token') token: string | undefined, @Res() res: Response): Promise<void> {
    try {
      const request = await verifyDownload(token, kind, this.config.internalSecret);
      await this.send(request, res);
    } catch (error) {
      if (res.headersSent) {
        this.logger.error(`download ${kind} failed after it started: ${(error as Error).message}`);
        res.destroy(error as Error);
        return;
      }
      const code = error instanceof DomainError ? error.code : 'INTERNAL_SERVER_ERROR';
      if (!(error instanceof DomainError)) this.logger.error(`download ${kind} failed: ${(error as Error).stack}`);
      res.status(STATUS[code] ?? 500).json({ errors: [{ message: error instanceof DomainError ? error.message : 'The download failed', extensions: { code } }] });
    }
  }

  private async send(request: DownloadRequest, res: Response): Promise<void> {
    switch (request.kind) {
      case 'complaint-log': {
        this.startFile(res, fileOf(request));
        const count = await streamComplaintLog(this.transactions.manager, { from: new Date(request.from), to: new Date(request.to) }, async (chunk) => {
          if (!res.write(chunk)) await once(res, 'drain');
        });
        res.end();
        this.logger.log({ msg: 'complaint log exported', rows: count, from: request.from, to: request.to });
        return;
      }
      case 'resolution-report': {
        const report = await this.resolutionReports.execute(request.complaintId);
        if (!report) throw new NotFound('Complaint', request.complaintId);
        const body = request.format === 'PDF' ? await resolutionReportPdf(report) : resolutionReportHtml(report);
        this.startFile(res, fileOf(request, report.facts.reference));
        res.end(body);
        return;
      }
      case 'quality-review': {
        const review = await this.quarterly.execute(parseQuarter(request.quarter));
        const body = request.format === 'PDF' ? await qualityReviewPdf(review, new Date()) : qualityReviewHtml(review, new Date());
        this.startFile(res, fileOf(request));
        res.end(body);
        return;
      }
    }
  }

  private startFile(res: Response, file: { filename: string; contentType: string }): void {
    res.status(200);
    res.setHeader('content-type', file.contentType);
    res.setHeader('content-disposition', `attachment; filename="${file.filename.replace(/[^A-Za-z0-9._-]/g, '_')}"`);
    res.setHeader('cache-control', 'no-store');
    res.setHeader('x-content-type-options', 'nosniff');
    // The HTML reports carry their own styles and inline SVG charts, and need nothing else.
    res.setHeader('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    res.flushHeaders();
  }
}
