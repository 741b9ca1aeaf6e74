import { Module, type DynamicModule } from '@nestjs/common';
import { AuthModule } from '@redress/auth';
import { ConfigModule, type RedressConfig } from '@redress/config';
import { SubgraphGraphqlModule } from '@redress/graphql';
import { HealthModule } from '@redress/health';
import { JobsModule, redisReadiness } from '@redress/jobs';
import { MessagingModule, brokerReadiness } from '@redress/messaging';
import { PersistenceModule, databaseReadiness } from '@redress/persistence';
import { ResolutionEventsController } from './events/resolution-events.controller.js';
import { ComplaintResolutionResolver } from './graphql/complaint-resolution.resolver.js';
import { ResolutionProposalResolver } from './graphql/resolution-proposal.resolver.js';
import { resolutionTypeDefs } from './graphql/schema.graphql.js';
import { resolutionPersistence } from './persistence/resolution-persistence.js';
import { RecordComplaintHandler } from './record-complaint/record-complaint.handler.js';

@Module({})
export class ResolutionModule {
  static forRoot(config: RedressConfig): DynamicModule {
    return {
      module: ResolutionModule,
      imports: [
        ConfigModule.forRoot(config),
        PersistenceModule.forRoot(resolutionPersistence),
        MessagingModule.forRoot({ service: 'resolution' }),
        JobsModule.forRoot('resolution'),
        AuthModule.forRoot(),
        SubgraphGraphqlModule.forRoot({ typeDefs: resolutionTypeDefs }),
        HealthModule.forRoot([databaseReadiness, brokerReadiness, redisReadiness]),
      ],
      controllers: [ResolutionEventsController],
      providers: [RecordComplaintHandler, ComplaintResolutionResolver, ResolutionProposalResolver],
    };
  }
}
