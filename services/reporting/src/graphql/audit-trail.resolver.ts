import { Query, Resolver } from '@nestjs/graphql';
import { Allowed } from '@redress/auth';
import { VerifyAuditTrailQuery } from '../audit-trail/verify-audit-trail.query.js';

@Resolver()
export class AuditTrailResolver {
  constructor(private readonly verify: VerifyAuditTrailQuery) {}

  @Query('verifyAuditTrail')
  @Allowed('verifyAuditTrail')
  verifyAuditTrail() {
    return this.verify.execute();
  }
}
