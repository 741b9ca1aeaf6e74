import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { GENESIS, chainHash, eventHash, type SealableEvent } from '../domain/audit-link.js';
import { linksWithEvents, readHead, unlinkedEvents, unsealedCount } from '../persistence/audit-chain.store.js';

export interface AuditProblem {
  sequence: number | null;
  eventId: string | null;
  problem: string;
}

export interface AuditTrailVerification {
  valid: boolean;
  sealedEvents: number;
  unsealedEvents: number;
  /** Hex SHA-256 of the last link: write it down, and a later verification proves nothing before it changed. */
  headHash: string;
  problems: AuditProblem[];
  verifiedAt: Date;
}

const BATCH = 10_000;
const MAX_PROBLEMS = 20;

/**
 * Walks the whole audit chain in one snapshot: every link's event must still exist with exactly the
 * content that was sealed, every link must follow from the one before, and every event up to the
 * sealed position must be on the chain (nothing slipped in behind it).
 */
@Injectable()
export class VerifyAuditTrailQuery {
  constructor(private readonly dataSource: DataSource) {}

  execute(): Promise<AuditTrailVerification> {
    return this.dataSource.transaction('REPEATABLE READ', async (db) => {
      const head = await readHead(db);
      const problems: AuditProblem[] = [];
      const report = (problem: AuditProblem) => problems.length < MAX_PROBLEMS && problems.push(problem);
      let previous: Buffer = GENESIS;
      let expectedSeq = 1;
      let lastPosition = 0n;
      for (let after = 0; ; ) {
        const links = await linksWithEvents(db, after, BATCH);
        if (!links.length) break;
        for (const link of links) {
          if (link.seq !== expectedSeq) report({ sequence: link.seq, eventId: link.linkedEventId, problem: `link ${expectedSeq} is missing` });
          expectedSeq = link.seq + 1;
          if (!link.id) report({ sequence: link.seq, eventId: link.linkedEventId, problem: 'the sealed event is gone' });
          else {
            if (!eventHash(link as SealableEvent).equals(link.eventHash)) report({ sequence: link.seq, eventId: link.id, problem: 'the event differs from what was sealed' });
            const position = BigInt(link.position!);
            if (position <= lastPosition) report({ sequence: link.seq, eventId: link.id, problem: 'the event is out of order' });
            lastPosition = position;
          }
          const expected = chainHash(previous, link.eventHash);
          if (!expected.equals(link.chainHash)) report({ sequence: link.seq, eventId: link.linkedEventId, problem: 'the link does not follow from the one before' });
          previous = link.chainHash;
        }
        after = links[links.length - 1].seq;
      }
      const sealed = expectedSeq - 1;
      if (sealed !== head.seq || !previous.equals(head.chainHash)) report({ sequence: head.seq, eventId: null, problem: 'the chain head does not match the last link' });
      for (const { id } of await unlinkedEvents(db, head.position, MAX_PROBLEMS)) {
        report({ sequence: null, eventId: id, problem: 'the event is not on the chain although it lies before the sealed position' });
      }
      return { valid: problems.length === 0, sealedEvents: sealed, unsealedEvents: await unsealedCount(db, head.position), headHash: previous.toString('hex'), problems, verifiedAt: new Date() };
    });
  }
}
