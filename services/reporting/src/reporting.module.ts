import { Module, type DynamicModule } from '@nestjs/common';
import { AuthModule } from '@redress/auth';
import type { RedressConfig } from '@redress/config';
import { SubgraphGraphqlModule } from '@redress/graphql';
import { HealthModule } from '@redress/health';
import { JobsModule, redisReadiness } from '@redress/jobs';
import { MessagingModule, brokerReadiness } from '@redress/messaging';
import { PersistenceModule, databaseReadiness } from '@redress/persistence';
import { ReportingEventsController } from './events/reporting-events.controller.js';
import { AuditSealer } from './audit-trail/audit-sealer.js';
import { VerifyAuditTrailQuery } from './audit-trail/verify-audit-trail.query.js';
import { ComplaintMetricsQuery } from './complaint-metrics/complaint-metrics.query.js';
import { ComplaintTrendQuery } from './complaint-metrics/complaint-trend.query.js';
import { AuditTrailResolver } from './graphql/audit-trail.resolver.js';
import { ImprovementActionsResolver } from './graphql/improvement-actions.resolver.js';
import { QualityResolver } from './graphql/quality.resolver.js';
import { StaffPerformanceResolver } from './graphql/staff-performance.resolver.js';
import { ImprovementActionsHandler } from './improvement-actions/improvement-actions.handler.js';
import { QuarterlyReviewQuery } from './quality-review/quarterly-review.query.js';
import { RecordQualityReviewHandler } from './quality-review/record-quality-review.handler.js';
import { StaffPerformanceQuery } from './staff-performance/staff-performance.query.js';
import { ResolutionReportQuery } from './documents/resolution-report.query.js';
import { DownloadLinks } from './downloads/download-links.js';
import { DownloadsController } from './downloads/downloads.controller.js';
import { DownloadsResolver } from './graphql/downloads.resolver.js';
import { ComplaintTimelineResolver } from './graphql/complaint-timeline.resolver.js';
import { MetricsResolver } from './graphql/metrics.resolver.js';
import { reportingTypeDefs } from './graphql/schema.graphql.js';
import { ReportingConfigModule } from './persistence/reporting-config.module.js';
import { reportingPersistence } from './persistence/reporting-persistence.js';
import { RefreshComplaintsHandler } from './project-complaints/refresh-complaints.handler.js';
import { ReportingRpcController } from './rpc/reporting-rpc.controller.js';
import { DetectSpikesHandler } from './trend-alerts/detect-spikes.handler.js';
import { RecordEventHandler } from './record-event/record-event.handler.js';

@Module({})
export class ReportingModule {
  static forRoot(config: RedressConfig): DynamicModule {
    return {
      module: ReportingModule,
      imports: [
        ReportingConfigModule.forRoot(config),
        PersistenceModule.forRoot(reportingPersistence),
        MessagingModule.forRoot({ service: 'reporting' }),
        JobsModule.forRoot('reporting'),
        AuthModule.forRoot(),
        SubgraphGraphqlModule.forRoot({ typeDefs: reportingTypeDefs }),
        HealthModule.forRoot([databaseReadiness, brokerReadiness, redisReadiness]),
      ],
      controllers: [ReportingEventsController, ReportingRpcController, DownloadsController],
      providers: [
        RecordEventHandler, RefreshComplaintsHandler, DetectSpikesHandler, ComplaintMetricsQuery, ComplaintTrendQuery,
        AuditSealer, VerifyAuditTrailQuery, StaffPerformanceQuery, RecordQualityReviewHandler, ImprovementActionsHandler, QuarterlyReviewQuery,
        ResolutionReportQuery, DownloadLinks,
        ComplaintTimelineResolver, DownloadsResolver, MetricsResolver, AuditTrailResolver, StaffPerformanceResolver, QualityResolver, ImprovementActionsResolver,
      ],
    };
  }
}
