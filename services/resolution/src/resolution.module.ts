import { Module, type DynamicModule } from '@nestjs/common';
import { AuthModule } from '@redress/auth';
import { ConfigModule, type RedressConfig } from '@redress/config';
import { SubgraphGraphqlModule } from '@redress/graphql';
import { HealthModule } from '@redress/health';
import { JobsModule, redisReadiness } from '@redress/jobs';
import { MessagingModule, brokerReadiness } from '@redress/messaging';
import { PersistenceModule, databaseReadiness } from '@redress/persistence';
import { CloseComplaintHandler } from './close-complaint/close-complaint.handler.js';
import { ComplaintStateReader } from './complaint-state/complaint-state.reader.js';
import { CustomerLinkIssuer } from './customer-links/customer-link.issuer.js';
import { DecideProposalHandler } from './decide-proposal/decide-proposal.handler.js';
import { EraseCustomerHandler } from './erase-customer/erase-customer.handler.js';
import { ResolutionEventsController } from './events/resolution-events.controller.js';
import { RecordFollowUpHandler } from './follow-up/record-follow-up.handler.js';
import { RequestFollowUpHandler } from './follow-up-survey/request-follow-up.handler.js';
import { SurveyTimer } from './follow-up-survey/survey-timer.js';
import { ComplaintResolutionResolver } from './graphql/complaint-resolution.resolver.js';
import { CustomerResponseResolver } from './graphql/customer-response.resolver.js';
import { ResolutionMutationsResolver } from './graphql/resolution-mutations.resolver.js';
import { ResolutionProposalResolver } from './graphql/resolution-proposal.resolver.js';
import { resolutionTypeDefs } from './graphql/schema.graphql.js';
import { MarkImplementedHandler } from './implement-resolution/mark-implemented.handler.js';
import { resolutionPersistence } from './persistence/resolution-persistence.js';
import { ProposeResolutionHandler } from './propose-resolution/propose-resolution.handler.js';
import { ComplaintReopenedHandler } from './record-complaint/complaint-reopened.handler.js';
import { RecordComplaintHandler } from './record-complaint/record-complaint.handler.js';
import { ResolutionRpcController } from './rpc/resolution-rpc.controller.js';

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
      controllers: [ResolutionEventsController, ResolutionRpcController],
      providers: [
        RecordComplaintHandler, ComplaintReopenedHandler, EraseCustomerHandler, ComplaintStateReader,
        RequestFollowUpHandler, SurveyTimer, ProposeResolutionHandler, DecideProposalHandler, MarkImplementedHandler, RecordFollowUpHandler, CloseComplaintHandler,
        CustomerLinkIssuer, ComplaintResolutionResolver, ResolutionProposalResolver, ResolutionMutationsResolver, CustomerResponseResolver,
      ],
    };
  }
}
