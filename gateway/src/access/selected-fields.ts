import {
  Kind, getNamedType, isInterfaceType, isObjectType,
  type FragmentDefinitionNode, type GraphQLCompositeType, type GraphQLSchema, type OperationDefinitionNode, type SelectionSetNode,
} from 'graphql';

export interface SelectedField {
  /** The type the field is selected on (`Query`/`Mutation` for an operation's root fields). */
  parentType: string;
  field: string;
  root: boolean;
}

/** Every field an operation selects, with the type it is selected on; each fragment is walked once. */
export function selectedFields(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
): SelectedField[] {
  const root = schema.getRootType(operation.operation);
  const found: SelectedField[] = [];
  const walkedFragments = new Set<string>();
  const typeNamed = (name: string) => schema.getType(name) as GraphQLCompositeType | undefined;

  const walk = (selectionSet: SelectionSetNode, parentType: GraphQLCompositeType) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        found.push({ parentType: parentType.name, field: name, root: parentType === root });
        const definition = isObjectType(parentType) || isInterfaceType(parentType) ? parentType.getFields()[name] : undefined;
        if (definition && selection.selectionSet) walk(selection.selectionSet, getNamedType(definition.type) as GraphQLCompositeType);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? typeNamed(selection.typeCondition.name.value) : parentType;
        if (type) walk(selection.selectionSet, type);
      } else {
        const fragment = fragments[selection.name.value];
        if (!fragment || walkedFragments.has(fragment.name.value)) continue;
        walkedFragments.add(fragment.name.value);
        const type = typeNamed(fragment.typeCondition.name.value);
        if (type) walk(fragment.selectionSet, type);
      }
    }
  };
  if (root) walk(operation.selectionSet, root);
  return found;
}
