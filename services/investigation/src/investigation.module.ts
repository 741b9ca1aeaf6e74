import { Module, type DynamicModule } from '@nestjs/common';
import { AuthModule } from '@redress/auth';
import { ConfigModule, type RedressConfig } from '@redress/config';
import { SubgraphGraphqlModule } from '@redress/graphql';
import { HealthModule } from '@redress/health';
import { JobsModule, redisReadiness } from '@redress/jobs';
import { MessagingModule, brokerReadiness } from '@redress/messaging';
import { PersistenceModule, databaseReadiness } from '@redress/persistence';
import { AddInvestigationNoteHandler } from './add-investigation-note/add-investigation-note.handler.js';
import { CompleteInvestigationHandler } from './complete-investigation/complete-investigation.handler.js';
import { ComplaintStateReader } from './complaint-state/complaint-state.reader.js';
import { InvestigationEventsController } from './events/investigation-events.controller.js';
import { ComplaintInvestigationResolver } from './graphql/complaint-investigation.resolver.js';
import { InvestigationMutationsResolver } from './graphql/investigation-mutations.resolver.js';
import { InvestigationResolver } from './graphql/investigation.resolver.js';
import { InvestigatorsResolver } from './graphql/investigators.resolver.js';
import { investigationTypeDefs } from './graphql/schema.graphql.js';
import { investigationPersistence } from './persistence/investigation-persistence.js';
import { ReassignInvestigationHandler } from './reassign-investigation/reassign-investigation.handler.js';
import { RecordComplaintHandler } from './record-complaint/record-complaint.handler.js';
import { UpdateComplaintCopyHandler } from './record-complaint/update-complaint-copy.handler.js';
import { InvestigatorRoster } from './roster/investigator-roster.js';
import { InvestigationRpcController } from './rpc/investigation-rpc.controller.js';
import { StartInvestigationHandler } from './start-investigation/start-investigation.handler.js';

@Module({})
export class InvestigationModule {
  static forRoot(config: RedressConfig): DynamicModule {
    return {
      module: InvestigationModule,
      imports: [
        ConfigModule.forRoot(config),
        PersistenceModule.forRoot(investigationPersistence),
        MessagingModule.forRoot({ service: 'investigation' }),
        JobsModule.forRoot('investigation'),
        AuthModule.forRoot(),
        SubgraphGraphqlModule.forRoot({ typeDefs: investigationTypeDefs }),
        HealthModule.forRoot([databaseReadiness, brokerReadiness, redisReadiness]),
      ],
      controllers: [InvestigationEventsController, InvestigationRpcController],
      providers: [
        RecordComplaintHandler, UpdateComplaintCopyHandler, ComplaintStateReader, InvestigatorRoster,
        StartInvestigationHandler, ReassignInvestigationHandler, AddInvestigationNoteHandler, CompleteInvestigationHandler,
        ComplaintInvestigationResolver, InvestigationResolver, InvestigationMutationsResolver, InvestigatorsResolver,
      ],
    };
  }
}
