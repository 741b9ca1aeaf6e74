import { Inject, Injectable } from '@nestjs/common';
import { REDRESS_CONFIG, type RedressConfig } from '@redress/config';
import { signDownload, type DownloadRequest } from './download-token.js';

export interface Download {
  url: string;
  expiresAt: Date;
  filename: string;
  contentType: string;
}

const CONTENT_TYPES = { csv: 'text/csv; charset=utf-8', html: 'text/html; charset=utf-8', pdf: 'application/pdf' } as const;

/** What the file of a download is called and what it holds. */
export function fileOf(request: DownloadRequest, reference?: string | null): { filename: string; contentType: string } {
  switch (request.kind) {
    case 'complaint-log':
      return { filename: `complaint-log_${request.from.slice(0, 10)}_${request.to.slice(0, 10)}.csv`, contentType: CONTENT_TYPES.csv };
    case 'resolution-report': {
      const ext = request.format === 'PDF' ? 'pdf' : 'html';
      return { filename: `resolution-report_${reference ?? request.complaintId}.${ext}`, contentType: CONTENT_TYPES[ext] };
    }
    case 'quality-review': {
      const ext = request.format === 'PDF' ? 'pdf' : 'html';
      return { filename: `quality-review_${request.quarter}.${ext}`, contentType: CONTENT_TYPES[ext] };
    }
  }
}

/**
 * Makes the signed link to `<PUBLIC_URL>/downloads/<kind>`; the gateway passes `/downloads/*` on to
 * reporting, which streams the file.
 */
@Injectable()
export class DownloadLinks {
  constructor(@Inject(REDRESS_CONFIG) private readonly config: RedressConfig) {}

  async link(request: DownloadRequest, staffId: string, reference?: string | null): Promise<Download> {
    const { token, expiresAt } = await signDownload(request, staffId, this.config.internalSecret);
    return { url: `${this.config.publicUrl}/downloads/${request.kind}?token=${token}`, expiresAt, ...fileOf(request, reference) };
  }
}
