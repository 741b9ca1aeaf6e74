import { GraphQLError, Kind, type ASTVisitor, type SelectionSetNode, type ValidationContext, type ValidationRule } from 'graphql';

import type { RequestLimits } from '../config/request-limits-config.js';

export type OperationLimits = Pick<RequestLimits, 'maxDepth' | 'maxAliases' | 'maxDirectives'>;

/** Depth of a selection set, fragments expanded; introspection fields are not counted. */
function depthOf(selectionSet: SelectionSetNode | undefined, context: ValidationContext, visiting: Set<string>): number {
  if (!selectionSet) return 0;
  let deepest = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value.startsWith('__')) continue;
      deepest = Math.max(deepest, 1 + depthOf(selection.selectionSet, context, visiting));
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      deepest = Math.max(deepest, depthOf(selection.selectionSet, context, visiting));
    } else {
      const name = selection.name.value;
      const fragment = context.getFragment(name);
      if (!fragment || visiting.has(name)) continue; // unknown or cyclic fragments are reported by graphql's own rules
      visiting.add(name);
      deepest = Math.max(deepest, depthOf(fragment.selectionSet, context, visiting));
      visiting.delete(name);
    }
  }
  return deepest;
}

/** Refuses operations nested deeper than `maxDepth`. */
export function maxDepthRule(maxDepth: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(operation) {
      const depth = depthOf(operation.selectionSet, context, new Set());
      if (depth > maxDepth) context.reportError(new GraphQLError(`The operation is nested ${depth} levels deep; the limit is ${maxDepth}`, { nodes: [operation] }));
    },
  });
}

/** Refuses documents with more than `maxAliases` aliases (alias batching multiplies the cost of one request). */
export function maxAliasesRule(maxAliases: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    let aliases = 0;
    return {
      Field(field) {
        if (field.alias) aliases += 1;
      },
      Document: {
        leave(document) {
          if (aliases > maxAliases) context.reportError(new GraphQLError(`The request uses ${aliases} aliases; the limit is ${maxAliases}`, { nodes: [document] }));
        },
      },
    };
  };
}

/** Refuses documents with more than `maxDirectives` directive uses (each costs work in every subgraph it reaches). */
export function maxDirectivesRule(maxDirectives: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    let directives = 0;
    return {
      Directive() {
        directives += 1;
      },
      Document: {
        leave(document) {
          if (directives > maxDirectives) context.reportError(new GraphQLError(`The request uses ${directives} directives; the limit is ${maxDirectives}`, { nodes: [document] }));
        },
      },
    };
  };
}

/** The static limits, checked with graphql's own validation before anything is planned or fetched. */
export function operationLimitRules(limits: OperationLimits): ValidationRule[] {
  return [maxDepthRule(limits.maxDepth), maxAliasesRule(limits.maxAliases), maxDirectivesRule(limits.maxDirectives)];
}
