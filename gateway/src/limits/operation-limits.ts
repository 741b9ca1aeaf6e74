import { GraphQLError, Kind, type ASTVisitor, type SelectionSetNode, type ValidationContext, type ValidationRule } from 'graphql';

export interface OperationLimits {
  maxDepth: number;
  maxAliases: number;
}

// Our deepest legitimate query (complaint → investigation → notes → fields) is about 5 levels.
export const DEFAULT_LIMITS: OperationLimits = { maxDepth: 12, maxAliases: 30 };

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

export function operationLimitRules(limits: OperationLimits = DEFAULT_LIMITS): ValidationRule[] {
  return [maxDepthRule(limits.maxDepth), maxAliasesRule(limits.maxAliases)];
}
