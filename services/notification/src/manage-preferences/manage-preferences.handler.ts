import { Inject, Injectable, Logger } from '@nestjs/common';
import { REDRESS_CONFIG, type RedressConfig } from '@redress/config';
import { BadUserInput, NotFound } from '@redress/errors';
import { TransactionRunner } from '@redress/persistence';
import { customerOfPreferenceToken } from '../domain/preference-token.js';
import { CustomerPreferences } from './customer-preferences.js';

export interface NotificationPreferences {
  /** Satisfaction surveys and other non-essential messages. Messages about the complaint itself always go. */
  surveys: boolean;
}

/** The customer's own choices, through the signed link in every customer email (no sign-in). */
@Injectable()
export class ManagePreferencesHandler {
  private readonly logger = new Logger(ManagePreferencesHandler.name);

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly preferences: CustomerPreferences,
    @Inject(REDRESS_CONFIG) private readonly config: RedressConfig,
  ) {}

  /** Null for a token that is not ours (or of an erased customer): reveals nothing. */
  async read(token: string): Promise<NotificationPreferences | null> {
    const customerId = customerOfPreferenceToken(token, this.config.linkSecret);
    if (!customerId || (await this.preferences.isErased(customerId))) return null;
    return { surveys: await this.preferences.wantsSurveys(customerId) };
  }

  async update(token: string, surveys: boolean): Promise<NotificationPreferences> {
    const customerId = customerOfPreferenceToken(token, this.config.linkSecret);
    if (!customerId) throw new BadUserInput('token', 'is not a valid preferences link');
    if (typeof surveys !== 'boolean') throw new BadUserInput('surveys', 'must be true or false');
    return this.transactions.run(async () => {
      if (await this.preferences.isErased(customerId)) throw new NotFound('Customer', 'of this link');
      await this.preferences.setSurveys(customerId, surveys);
      this.logger.log({ msg: surveys ? 'customer accepts surveys again' : 'customer opted out of surveys', customerId });
      return { surveys };
    });
  }
}
