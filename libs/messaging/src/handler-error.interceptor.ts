import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { RpcException } from '@nestjs/microservices';
import { catchError, throwError, type Observable } from 'rxjs';
import { describeFailure } from './handler-failure.js';

/**
 * Nest's exception layer replaces any error an event or request handler throws with "Internal server
 * error". This keeps its code (NOT_FOUND, …), message and outage flag instead, so RPC callers get the
 * domain error and the transport can tell an outage from a failure. Other contexts pass untouched.
 * Installed globally by MessagingModule; reaches the transport with `{ inheritAppConfig: true }`.
 */
@Injectable()
export class HandlerErrorInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'rpc') return next.handle();
    return next.handle().pipe(
      catchError((error: unknown) => throwError(() => (error instanceof RpcException ? error : new RpcException({ ...describeFailure(error) })))),
    );
  }
}
