import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allowed, CurrentIdentity, type Identity } from '@redress/auth';
import { input } from '@redress/errors';
import { EraseCustomerHandler } from '../erase-customer/erase-customer.handler.js';
import { ExportCustomerDataQuery } from '../export-customer-data/export-customer-data.query.js';
import { actorFor } from './staff-actor.js';

/** GDPR: a customer's data exported across services, and erased. */
@Resolver()
export class PrivacyResolver {
  constructor(private readonly exportQuery: ExportCustomerDataQuery, private readonly eraseHandler: EraseCustomerHandler) {}

  @Query('exportCustomerData')
  @Allowed('exportCustomerData')
  async exportCustomerData(@Args('customerId') customerId: string) {
    if (!input.isUuid(customerId)) return null;
    const exported = await this.exportQuery.execute(customerId.toLowerCase());
    if (!exported) return null;
    return {
      ...exported,
      sections: exported.sections.map(({ service, records }) => ({ service, records: JSON.stringify(records) })),
      complete: exported.unavailable.length === 0,
    };
  }

  @Mutation('eraseCustomer')
  @Allowed('eraseCustomer')
  eraseCustomer(@Args('customerId') customerId: string, @CurrentIdentity() identity: Identity) {
    return this.eraseHandler.execute(input.uuid('customerId', customerId), actorFor(identity, ['ADMIN']));
  }
}
