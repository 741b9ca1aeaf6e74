import { Module, type DynamicModule } from '@nestjs/common';
import { AuthModule } from '@redress/auth';
import { ConfigModule, type RedressConfig } from '@redress/config';
import { SubgraphGraphqlModule } from '@redress/graphql';
import { HealthModule } from '@redress/health';
import { JobsModule, redisReadiness } from '@redress/jobs';
import { MessagingModule, brokerReadiness } from '@redress/messaging';
import { PersistenceModule, databaseReadiness } from '@redress/persistence';
import { AcknowledgeComplaintHandler } from './acknowledge-complaint/acknowledge-complaint.handler.js';
import { AssessComplaintHandler } from './assess-complaint/assess-complaint.handler.js';
import { EraseCustomerHandler } from './erase-customer/erase-customer.handler.js';
import { EscalateComplaintHandler } from './escalate-complaint/escalate-complaint.handler.js';
import { Escalations } from './escalate-complaint/escalations.js';
import { IntakeEventsController } from './events/intake-events.controller.js';
import { ExportCustomerDataQuery } from './export-customer-data/export-customer-data.query.js';
import { ComplaintHistoryResolver } from './graphql/complaint-history.resolver.js';
import { ComplaintMutationsResolver } from './graphql/complaint-mutations.resolver.js';
import { ComplaintResolver } from './graphql/complaint.resolver.js';
import { PrivacyResolver } from './graphql/privacy.resolver.js';
import { intakeTypeDefs } from './graphql/schema.graphql.js';
import { SlaClockResolver } from './graphql/sla-clock.resolver.js';
import { TrackingResolver } from './graphql/tracking.resolver.js';
import { SlaAlarmProcessor } from './jobs/sla-alarm.processor.js';
import { SlaClockReconciler } from './jobs/sla-clock-reconciler.js';
import { SlaClockScheduler } from './jobs/sla-clock-scheduler.js';
import { ListComplaintsQuery } from './list-complaints/list-complaints.query.js';
import { PauseSlaClockHandler } from './pause-sla-clock/pause-sla-clock.handler.js';
import { ResumeSlaClockHandler } from './pause-sla-clock/resume-sla-clock.handler.js';
import { SlaPauses } from './pause-sla-clock/sla-pauses.js';
import { intakePersistence } from './persistence/intake-persistence.js';
import { ReopenComplaintHandler } from './reopen-complaint/reopen-complaint.handler.js';
import { IntakeRpcController } from './rpc/intake-rpc.controller.js';
import { ServiceLevelClocks } from './sla-clocks/service-level-clocks.js';
import { SoundSlaAlarmHandler } from './sla-clocks/sound-sla-alarm.handler.js';
import { ProjectStatusHandler } from './status-projection/project-status.handler.js';
import { StatusProjection } from './status-projection/status-projection.js';
import { SubmitComplaintHandler } from './submit-complaint/submit-complaint.handler.js';

@Module({})
export class IntakeModule {
  static forRoot(config: RedressConfig): DynamicModule {
    return {
      module: IntakeModule,
      imports: [
        ConfigModule.forRoot(config),
        PersistenceModule.forRoot(intakePersistence),
        MessagingModule.forRoot({ service: 'intake' }),
        JobsModule.forRoot('intake'),
        AuthModule.forRoot(),
        SubgraphGraphqlModule.forRoot({ typeDefs: intakeTypeDefs }),
        HealthModule.forRoot([databaseReadiness, brokerReadiness, redisReadiness]),
      ],
      controllers: [IntakeEventsController, IntakeRpcController],
      providers: [
        StatusProjection, Escalations, SlaClockScheduler, ServiceLevelClocks, SlaPauses,
        SubmitComplaintHandler, ListComplaintsQuery, AcknowledgeComplaintHandler, ProjectStatusHandler,
        AssessComplaintHandler, EscalateComplaintHandler, ReopenComplaintHandler, PauseSlaClockHandler, ResumeSlaClockHandler,
        SoundSlaAlarmHandler, SlaAlarmProcessor, SlaClockReconciler, ExportCustomerDataQuery, EraseCustomerHandler,
        ComplaintResolver, ComplaintMutationsResolver, ComplaintHistoryResolver, SlaClockResolver, TrackingResolver, PrivacyResolver,
      ],
    };
  }
}
