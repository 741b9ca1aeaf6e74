import { Injectable, Logger } from '@nestjs/common';
import { customerDataPattern, type CustomerData } from '@redress/contracts';
import { DomainError } from '@redress/errors';
import { RpcClient } from '@redress/messaging';
import { TransactionRunner } from '@redress/persistence';
import { CustomerEntity } from '../persistence/customer.entity.js';
import { intakeCustomerRecords } from './intake-customer-records.js';

/** The services that keep data of their own about a customer's complaints, asked over `<service>.customer-data`. */
export const DATA_HOLDERS = ['investigation', 'resolution', 'notification', 'reporting'] as const;
export const CUSTOMER_DATA_TIMEOUT_MS = 3_000;

export interface CustomerDataExport {
  customerId: string;
  exportedAt: Date;
  sections: { service: string; records: Record<string, unknown[]> }[];
  /** Services that did not answer in time (or failed): their part is missing, and the export says so. */
  unavailable: string[];
}

/**
 * `exportCustomerData` (GDPR subject access): intake's records and every other service's answer, asked
 * in parallel. A service that does not answer within the time limit is listed as unavailable rather
 * than holding the export up; the caller can ask again.
 */
@Injectable()
export class ExportCustomerDataQuery {
  private readonly logger = new Logger(ExportCustomerDataQuery.name);

  constructor(private readonly transactions: TransactionRunner, private readonly rpc: RpcClient) {}

  async execute(customerId: string): Promise<CustomerDataExport | null> {
    const db = this.transactions.manager;
    const customer = await db.findOneBy(CustomerEntity, { id: customerId });
    if (!customer) return null;
    const intake = await intakeCustomerRecords(db, customer);
    const complaintIds = (intake.complaints as { id: string }[]).map((complaint) => complaint.id);
    const answers = await Promise.all(DATA_HOLDERS.map((service) => this.ask(service, customerId, complaintIds)));
    return {
      customerId,
      exportedAt: new Date(),
      sections: [{ service: 'intake', records: intake }, ...answers.filter((answer): answer is CustomerData => answer !== null)],
      unavailable: DATA_HOLDERS.filter((_, i) => answers[i] === null),
    };
  }

  private async ask(service: (typeof DATA_HOLDERS)[number], customerId: string, complaintIds: string[]): Promise<CustomerData | null> {
    try {
      const answer = await this.rpc.request<CustomerData>(service, customerDataPattern(service), { customerId, complaintIds }, { timeoutMs: CUSTOMER_DATA_TIMEOUT_MS });
      return { service, records: answer?.records ?? {} };
    } catch (error) {
      // "Nothing about this customer here" is an answer; a timeout or a failure is not.
      if (error instanceof DomainError && error.code === 'NOT_FOUND') return { service, records: {} };
      this.logger.warn({ msg: 'customer data export incomplete', service, customerId, error: (error as Error).message });
      return null;
    }
  }
}
