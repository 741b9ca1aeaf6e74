import { Module, type DynamicModule } from '@nestjs/common';
import { AuthModule } from '@redress/auth';
import { ConfigModule, type RedressConfig } from '@redress/config';
import { SubgraphGraphqlModule } from '@redress/graphql';
import { HealthModule } from '@redress/health';
import { JobsModule, redisReadiness } from '@redress/jobs';
import { MessagingModule, brokerReadiness } from '@redress/messaging';
import { PersistenceModule, databaseReadiness } from '@redress/persistence';
import { InvestigationEventsController } from './events/investigation-events.controller.js';
import { ComplaintInvestigationResolver } from './graphql/complaint-investigation.resolver.js';
import { InvestigationResolver } from './graphql/investigation.resolver.js';
import { InvestigatorsResolver } from './graphql/investigators.resolver.js';
import { investigationTypeDefs } from './graphql/schema.graphql.js';
import { investigationPersistence } from './persistence/investigation-persistence.js';
import { RecordComplaintHandler } from './record-complaint/record-complaint.handler.js';
import { InvestigatorRoster } from './roster/investigator-roster.js';

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
      controllers: [InvestigationEventsController],
      providers: [RecordComplaintHandler, InvestigatorRoster, ComplaintInvestigationResolver, InvestigationResolver, InvestigatorsResolver],
    };
  }
}
