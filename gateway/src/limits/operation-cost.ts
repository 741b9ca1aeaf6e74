import {
  Kind, getArgumentValues, getNamedType, getNullableType, isListType, isObjectType, isInterfaceType,
  type FieldNode, type FragmentDefinitionNode, type GraphQLCompositeType, type GraphQLField, type GraphQLSchema,
  type OperationDefinitionNode, type SelectionSetNode,
} from 'graphql';

/** A list without a page-size argument is assumed to hold this many items. */
export const DEFAULT_LIST_SIZE = 10;
const PAGE_SIZE_ARGUMENTS = ['first', 'last', 'limit'];
// A connection's `edges`/`nodes` are already sized by the connection's `first`.
const SIZED_BY_PARENT = new Set(['edges', 'nodes']);

/**
 * The estimated number of fields an operation makes the system resolve: each field counts 1, and the
 * fields under a list count once per item — the page size asked for (`first`, variables included) or
 * DEFAULT_LIST_SIZE. Fragments are costed once and reused, so a fragment "bomb" costs what it expands to
 * without the estimate itself taking exponential time.
 */
export function operationCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown> = {},
): number {
  const root = schema.getRootType(operation.operation);
  if (!root) return 0;
  return new CostEstimate(schema, fragments, variables).ofSelections(operation.selectionSet, root);
}

class CostEstimate {
  private readonly fragmentCosts = new Map<string, number>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly fragments: Record<string, FragmentDefinitionNode>,
    private readonly variables: Record<string, unknown>,
  ) {}

  ofSelections(selectionSet: SelectionSetNode, parentType: GraphQLCompositeType): number {
    let cost = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) cost += this.ofField(selection, parentType);
      else if (selection.kind === Kind.INLINE_FRAGMENT) cost += this.ofSelections(selection.selectionSet, this.typeNamed(selection.typeCondition?.name.value) ?? parentType);
      else cost += this.ofFragment(selection.name.value);
    }
    return cost;
  }

  private ofFragment(name: string): number {
    const known = this.fragmentCosts.get(name);
    if (known !== undefined) return known;
    const fragment = this.fragments[name];
    const type = this.typeNamed(fragment?.typeCondition.name.value);
    this.fragmentCosts.set(name, 0); // a cycle (refused by validation anyway) must not recurse forever
    const cost = fragment && type ? this.ofSelections(fragment.selectionSet, type) : 0;
    this.fragmentCosts.set(name, cost);
    return cost;
  }

  private ofField(node: FieldNode, parentType: GraphQLCompositeType): number {
    if (node.name.value.startsWith('__')) return 0;
    const definition = isObjectType(parentType) || isInterfaceType(parentType) ? parentType.getFields()[node.name.value] : undefined;
    if (!definition || !node.selectionSet) return 1;
    const childType = getNamedType(definition.type) as GraphQLCompositeType;
    return 1 + this.itemsOf(node, definition) * this.ofSelections(node.selectionSet, childType);
  }

  private itemsOf(node: FieldNode, definition: GraphQLField<unknown, unknown>): number {
    const pageArgument = definition.args.find((argument) => PAGE_SIZE_ARGUMENTS.includes(argument.name));
    if (pageArgument) {
      let size: unknown;
      try {
        size = getArgumentValues(definition, node, this.variables)[pageArgument.name];
      } catch {
        size = undefined; // a bad value is answered by the subgraph's own validation
      }
      return typeof size === 'number' && Number.isFinite(size) ? Math.max(1, size) : DEFAULT_LIST_SIZE;
    }
    return isListType(getNullableType(definition.type)) && !SIZED_BY_PARENT.has(definition.name) ? DEFAULT_LIST_SIZE : 1;
  }

  private typeNamed(name: string | undefined): GraphQLCompositeType | undefined {
    return name ? (this.schema.getType(name) as GraphQLCompositeType | undefined) : undefined;
  }
}
