import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { NotFound, input } from '@redress/errors';
import { TransactionRunner } from '@redress/persistence';
import { ComplaintEntity } from '../persistence/complaint.entity.js';
import { CustomerEntity } from '../persistence/customer.entity.js';
import { COMPLAINT_CONTACT, type ComplaintContact, type ComplaintContactRequest } from '@redress/contracts';

/** Answers other services' questions over RabbitMQ request/reply (queue `intake.rpc`). */
@Controller()
export class IntakeRpcController {
  constructor(private readonly transactions: TransactionRunner) {}

  @MessagePattern(COMPLAINT_CONTACT)
  async complaintContact(@Payload() request: ComplaintContactRequest): Promise<ComplaintContact> {
    const id = input.uuid('complaintId', request?.complaintId);
    const db = this.transactions.manager;
    const complaint = await db.findOneBy(ComplaintEntity, { id });
    if (!complaint) throw new NotFound('Complaint', id);
    const customer = await db.findOneByOrFail(CustomerEntity, { id: complaint.customerId });
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
}
