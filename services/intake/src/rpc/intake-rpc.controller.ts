import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { NotFound, input } from '@redress/errors';
import { TransactionRunner } from '@redress/persistence';
import {
  COMPLAINT_CONTACT, COMPLAINT_STATE, type ComplaintContact, type ComplaintContactRequest, type ComplaintState, type ComplaintStateRequest,
} from '@redress/contracts';
import { ComplaintEntity } from '../persistence/complaint.entity.js';
import { CustomerEntity } from '../persistence/customer.entity.js';

/** Answers other services' questions over RabbitMQ request/reply (queue `intake.rpc`). */
@Controller()
export class IntakeRpcController {
  constructor(private readonly transactions: TransactionRunner) {}

  @MessagePattern(COMPLAINT_CONTACT)
  async complaintContact(@Payload() request: ComplaintContactRequest): Promise<ComplaintContact> {
    const complaint = await this.complaintOf(request);
    const customer = await this.transactions.manager.findOneByOrFail(CustomerEntity, { id: complaint.customerId });
    return {
      complaintId: complaint.id,
      reference: complaint.reference,
      customerId: customer.id,
      customerName: customer.name,
      email: customer.email,
      phone: customer.phone,
      status: complaint.status,
      cycle: complaint.cycle,
      receivedAt: complaint.receivedAt.toISOString(),
      acknowledgementDueAt: complaint.acknowledgementDueAt.toISOString(),
      resolutionDueAt: complaint.resolutionDueAt.toISOString(),
    };
  }

  /** The state as intake holds it now: how other services check SPEC §5's state rules (read-your-writes). */
  @MessagePattern(COMPLAINT_STATE)
  async complaintState(@Payload() request: ComplaintStateRequest): Promise<ComplaintState> {
    const complaint = await this.complaintOf(request);
    return {
      complaintId: complaint.id,
      reference: complaint.reference,
      customerId: complaint.customerId,
      status: complaint.status,
      cycle: complaint.cycle,
      escalated: complaint.escalated,
      category: complaint.category,
      severity: complaint.severity,
      priority: complaint.priority,
      receivedAt: complaint.receivedAt.toISOString(),
      resolutionDueAt: complaint.resolutionDueAt.toISOString(),
    };
  }

  private async complaintOf(request: { complaintId?: string } | null): Promise<ComplaintEntity> {
    const id = input.uuid('complaintId', request?.complaintId);
    const complaint = await this.transactions.manager.findOneBy(ComplaintEntity, { id });
    if (!complaint) throw new NotFound('Complaint', id);
    return complaint;
  }
}
